package org.plenum.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.plenum.gateway.ops.Commands;

/**
 * The packaged app's entry point: the gateway server, or, when the first argument names one, an operations command
 * ({@code java -jar quarkus-run.jar compose ...}) that runs without starting Quarkus and exits with its code.
 */
@QuarkusMain
public final class GatewayMain {

    public static void main(String... args) {
        if (Commands.isCommand(args)) {
            System.exit(Commands.run(args, System.in, System.out, System.err, System::getenv));
        }
        Quarkus.run(args);
    }
}
