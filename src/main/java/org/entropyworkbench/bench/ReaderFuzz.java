package org.entropyworkbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fuzz pass over one file reader: seeded damage ({@link FuzzMutator}) to a valid file, then the
 * reader, with a per-case timeout, sorted into outcomes. A good reader only ever loads (cleanly or
 * with reported line problems) or rejects with its own exception type naming the file.
 *
 * <p>Runs the reader on one daemon worker thread; a case that times out abandons that thread
 * (reported as TIMEOUT) and the next case gets a fresh one.
 */
public final class ReaderFuzz {

    /** What happened to one damaged file. */
    public enum Outcome {
        /** Read without any reported problem. */
        LOADED_CLEAN,
        /** Read, with line problems / warnings / partial tail reported. */
        LOADED_WITH_PROBLEMS,
        /** Refused with the reader's own exception type and a message naming the file. */
        REJECTED_CLEARLY,
        /** Any other exception, or one whose message does not name the file: a bug. */
        UNCLEAR_ERROR,
        /** The reader did not finish within the per-case timeout: a bug. */
        TIMEOUT,
        /** The reader ran out of memory: a bug. */
        OUT_OF_MEMORY;

        public boolean acceptable() {
            return this == LOADED_CLEAN || this == LOADED_WITH_PROBLEMS || this == REJECTED_CLEARLY;
        }
    }

    /** A reader under test. */
    public interface Target {
        /** Short name for the report, e.g. "run file". */
        String name();

        /** File name (with extension) the damaged input is written to. */
        String fileName();

        /** A valid input to damage. */
        byte[] validInput() throws IOException;

        /**
         * Reads the file.
         *
         * @return LOADED_CLEAN or LOADED_WITH_PROBLEMS
         * @throws Exception whatever the reader throws
         */
        Outcome read(Path file) throws Exception;

        /** Whether {@code error} is one of the reader's own, expected exception types. */
        boolean isOwnError(Throwable error);
    }

    /**
     * The tally of one target.
     *
     * @param target   target name
     * @param counts   cases per outcome
     * @param byMutation cases per mutation kind
     * @param examples the first few unacceptable cases, described
     */
    public record Result(String target, Map<Outcome, Integer> counts, Map<FuzzMutator.Mutation, Integer> byMutation,
                         List<String> examples) {
        public int cases() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int failures() {
            int f = 0;
            for (Map.Entry<Outcome, Integer> e : counts.entrySet()) {
                if (!e.getKey().acceptable()) {
                    f += e.getValue();
                }
            }
            return f;
        }

        public int count(Outcome o) {
            return counts.getOrDefault(o, 0);
        }
    }

    private ReaderFuzz() {
    }

    /**
     * @param cases          how many damaged files
     * @param seed           seed of all damage
     * @param timeoutMillis  per-case limit
     * @param workDir        where the damaged file is written (overwritten per case)
     */
    public static Result run(Target target, int cases, long seed, long timeoutMillis, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        byte[] valid = target.validInput();
        Path file = workDir.resolve(target.fileName());
        Random random = new Random(seed);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        Map<FuzzMutator.Mutation, Integer> byMutation = new EnumMap<>(FuzzMutator.Mutation.class);
        List<String> examples = new ArrayList<>();
        FuzzMutator.Mutation[] kinds = FuzzMutator.Mutation.values();
        ExecutorService worker = newWorker();
        try {
            for (int i = 0; i < cases; i++) {
                FuzzMutator.Mutation mutation = kinds[i % kinds.length];
                byte[] damaged = FuzzMutator.mutate(valid, mutation, random);
                Files.write(file, damaged);
                byMutation.merge(mutation, 1, Integer::sum);
                Outcome outcome;
                String detail = null;
                Future<Outcome> future = worker.submit(() -> target.read(file));
                try {
                    outcome = future.get(timeoutMillis, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    future.cancel(true);
                    worker.shutdownNow();
                    worker = newWorker();
                    outcome = Outcome.TIMEOUT;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof OutOfMemoryError) {
                        outcome = Outcome.OUT_OF_MEMORY;
                    } else if (target.isOwnError(cause) && cause.getMessage() != null
                            && cause.getMessage().contains(target.fileName())) {
                        outcome = Outcome.REJECTED_CLEARLY;
                    } else {
                        outcome = Outcome.UNCLEAR_ERROR;
                        detail = cause.getClass().getName() + ": " + cause.getMessage();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("fuzz pass interrupted", e);
                }
                counts.merge(outcome, 1, Integer::sum);
                if (!outcome.acceptable() && examples.size() < 5) {
                    String d = detail == null ? "" : " (" + abbreviate(detail) + ")";
                    examples.add("case " + i + " " + mutation + ": " + outcome + d);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        return new Result(target.name(), counts, byMutation, examples);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-fuzz-reader");
            t.setDaemon(true);
            return t;
        });
    }
}
