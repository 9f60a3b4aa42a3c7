package org.plenum.speakers.support;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import jakarta.inject.Singleton;
import org.bson.BsonValue;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the reads the MongoDB driver sends for the speakers collection; Quarkus registers it on its client. */
@Singleton
public class MongoCommandCounter implements CommandListener {

    private final AtomicInteger speakerReads = new AtomicInteger();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String command = event.getCommandName();
        BsonValue collection = event.getCommand().get(command);
        if (("find".equals(command) || "aggregate".equals(command))
                && collection != null && collection.isString() && "speakers".equals(collection.asString().getValue())) {
            speakerReads.incrementAndGet();
        }
    }

    public int speakerReads() {
        return speakerReads.get();
    }
}
