package org.plenum.gateway.client;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;

import java.util.function.Supplier;

/** Reads an HTTP response body up to a size; a larger one resets the request rather than being read to its end. */
public final class BoundedBody {

    private BoundedBody() {
    }

    /** @param tooLarge the failure when the body (declared or as it arrives) exceeds maxBytes */
    public static Future<Buffer> read(HttpClientResponse response, int maxBytes, Supplier<? extends Throwable> tooLarge) {
        String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared = length != null && length.length() < 19 ? Long.parseLong(length.trim()) : -1;
        if (declared > maxBytes) {
            response.exceptionHandler(ourReset -> { }); // the reset below is reported by the failure returned
            response.request().reset();
            return Future.failedFuture(tooLarge.get());
        }
        Promise<Buffer> read = Promise.promise();
        // sized once when declared: appending chunks to a growing buffer copies the body about twice
        Buffer bytes = declared > 0 ? Buffer.buffer((int) declared) : Buffer.buffer();
        response.handler(chunk -> {
            if (bytes.length() + chunk.length() > maxBytes) {
                read.tryFail(tooLarge.get());
                response.request().reset();
            } else {
                bytes.appendBuffer(chunk);
            }
        });
        response.exceptionHandler(read::tryFail);
        response.endHandler(ended -> read.tryComplete(bytes));
        return read.future();
    }
}
