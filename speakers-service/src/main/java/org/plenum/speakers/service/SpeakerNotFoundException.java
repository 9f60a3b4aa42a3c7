package org.plenum.speakers.service;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("NOT_FOUND")
public class SpeakerNotFoundException extends RuntimeException {

    public SpeakerNotFoundException(String id) {
        super("No speaker with id \"" + id + "\"");
    }
}
