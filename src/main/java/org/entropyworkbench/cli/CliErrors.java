package org.entropyworkbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on stderr instead of a stack trace: bad input exits with
 * {@link EntropyWorkbenchCli#EXIT_FAILURE}, a command line that cannot be parsed with
 * {@link EntropyWorkbenchCli#EXIT_USAGE} and a pointer to {@code --help}.
 */
final class CliErrors {

    private CliErrors() {
    }

    /** A failure the user can fix, with a message meant to be shown as is. */
    static final class CliFailure extends RuntimeException {
        CliFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** The message to show for a failure: its own message for expected kinds, the type too for anything else. */
    static String describe(Throwable ex) {
        Throwable e = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (e instanceof NoSuchFileException) {
            return "file not found: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists: " + e.getMessage();
        }
        if (e instanceof IOException || e instanceof IllegalArgumentException || e instanceof CliFailure
                || e instanceof IllegalStateException) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return "internal error (" + e.getClass().getSimpleName() + "): " + e.getMessage();
    }

    static final class ExecutionHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
            cl.getErr().println("ew " + cl.getCommandName() + ": " + describe(ex));
            cl.getErr().flush();
            return EntropyWorkbenchCli.EXIT_FAILURE;
        }
    }

    static final class UsageHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            String name = cl.getCommandSpec().qualifiedName();
            cl.getErr().println(name + ": " + ex.getMessage());
            cl.getErr().println("Try '" + name + " --help' for usage.");
            cl.getErr().flush();
            return EntropyWorkbenchCli.EXIT_USAGE;
        }
    }
}
