package org.plenum.speakers.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("The answer to deleteSpeaker: the speaker is gone here; the clean-up in topics-service may still be "
        + "pending")
public class SpeakerDeletion {

    @Description("Always true: a speaker that does not exist is a NOT_FOUND error instead")
    public final boolean deleted;

    @NonNull
    public final CleanupState topicsCleanup;

    public SpeakerDeletion(CleanupState topicsCleanup) {
        this.deleted = true;
        this.topicsCleanup = topicsCleanup;
    }
}
