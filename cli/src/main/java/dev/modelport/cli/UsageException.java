package dev.modelport.cli;

/** The command line asks for something the CLI does not do; exit status 2. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
