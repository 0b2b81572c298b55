package org.entropyworkbench.core.simulate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.entropyworkbench.core.dataset.AnswerKind;
import org.entropyworkbench.core.entropy.StepEntropyAccumulator;
import org.entropyworkbench.core.entropy.TopKEntropy;
import org.entropyworkbench.core.run.RunFileWriter;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.run.StepRecord;
import org.entropyworkbench.core.run.WorkbenchVersion;

/**
 * Generates complete, seeded 4-step runs without a model, for demos, tests and benchmarks.
 *
 * <p>Per question: step-1 correctness from the profile's accuracy; each step's mean token entropy
 * drawn from the correct or incorrect class distribution; refinement steps fix some wrong answers
 * (for the reasoning profile mostly the uncertain ones, see {@link SimulationProfile#fixProbability})
 * and rarely break right ones. Per token: mostly near-zero entropy with bursts at "forking" tokens
 * (a two-state Markov chain), each position a real top-20 logprob list shaped to its entropy, and the
 * entropies for k = 5, 10, 15, 20 computed from that list by {@link TopKEntropy} exactly as for a
 * real run (so smaller k gives slightly lower entropy). With a record cap, completionTokens stays
 * realistic and the step carries the {@value #SAMPLED_TOKENS_FLAG} flag instead of a mismatch.
 *
 * <p>Question ids and expected answers are invented ({@code q001}, random integers or letters)
 * unless the settings name a dataset ({@link SimulationSettings#fromDataset()}): then they are the
 * dataset's, and a wrong simulated answer is a different integer or option letter, so the real
 * grader marks the step as the simulation intended. The random draws are the same either way.
 *
 * <p>{@link #steps()} is lazy and restartable: records are made one question at a time, so runs of
 * millions of token records stream to disk in constant memory. Each iteration uses its own random
 * state; one instance may be iterated from several threads, each getting the same records.
 */
public final class RunSimulator {

    /** Steps per question: the paper's fixed 4-step sequential process. */
    public static final int STEPS = 4;
    /** Flag of a step whose token records are a sample of its completion tokens (see docs/run-format.md). */
    public static final String SAMPLED_TOKENS_FLAG = "sampled-tokens";

    private static final int[] KS = TopKEntropy.ABLATION_KS;
    private static final double STEADY_MEAN_ENTROPY = 0.04;
    private static final double STEADY_MAX_ENTROPY = 0.6;
    private static final double FORK_MIN_ENTROPY = 1.0;
    private static final double FORK_ENTROPY_RANGE = 2.6;
    private static final double FORK_MEAN_ENTROPY = FORK_MIN_ENTROPY + FORK_ENTROPY_RANGE / 2;
    private static final double BURST_EXIT_PROBABILITY = 0.35;
    private static final double TOKENS_PER_SECOND = 80;
    private static final double TEMPERATURE = 0.7;
    private static final int MAX_TOKENS_PER_STEP = 8192;
    private static final String[] LETTERS = {"A", "B", "C", "D"};

    private final SimulationSettings settings;
    private final SimulationProfile profile;

    public RunSimulator(SimulationSettings settings) {
        this.settings = settings;
        this.profile = settings.profile();
    }

    public SimulationSettings settings() { return settings; }

    /** The header of the simulated run: {@code simulated = true}, seed and every parameter in {@code generator}. */
    public RunHeader header() {
        Map<String, Object> parameters = new LinkedHashMap<>(profile.asParameters());
        parameters.put("questions", settings.questions());
        parameters.put("maxTokenRecords", settings.maxTokenRecords());
        parameters.put("answerKind", settings.answerKind().wireName());
        parameters.put("includeTop", settings.includeTop());
        Map<String, Object> generator = new LinkedHashMap<>();
        generator.put("tool", "RunSimulator");
        generator.put("seed", settings.seed());
        generator.put("profile", profile.name());
        generator.put("parameters", parameters);
        DatasetQuestions from = settings.fromDataset();
        if (from != null) {
            Map<String, Object> questionsFrom = new LinkedHashMap<>();
            questionsFrom.put("dataset", from.name());
            questionsFrom.put("shuffleSeed", from.shuffleSeed());
            generator.put("questionsFrom", questionsFrom);
        }
        String title = profile.name() + " model / " + settings.dataset() + " (simulated, seed " + settings.seed() + ")";
        String runId = "sim-" + profile.name() + "-" + settings.dataset() + "-n" + settings.questions() + "-s" + settings.seed();
        return new RunHeader(RunHeader.FORMAT_VERSION, runId, settings.createdAt().toString(), WorkbenchVersion.current(),
                title, profile.model(), "simulator", settings.dataset(), from == null ? null : from.path(),
                settings.answerKind().wireName(), "full",
                STEPS, TopKShape.K, TEMPERATURE, MAX_TOKENS_PER_STEP,
                profile.reasoningShare() > 0 ? "high" : null, Map.of(), true, generator, Map.of());
    }

    /** Every step record, question by question, steps in order; generated lazily on each iteration. */
    public Iterable<StepRecord> steps() {
        return () -> new StepIterator();
    }

    /** Generates the run straight into a file ({@code .jsonl} or {@code .jsonl.gz}); never overwrites. */
    public void writeTo(Path path) throws IOException {
        RunFileWriter.writeAll(path, header(), steps());
    }

    private final class StepIterator implements Iterator<StepRecord> {
        private final SplittableRandom root = new SplittableRandom(settings.seed());
        private final StepMaker maker = new StepMaker();
        private final List<StepRecord> pending = new ArrayList<>(STEPS);
        private int nextQuestion;
        private int pendingIndex;

        @Override
        public boolean hasNext() {
            return pendingIndex < pending.size() || nextQuestion < settings.questions();
        }

        @Override
        public StepRecord next() {
            if (pendingIndex == pending.size()) {
                if (nextQuestion >= settings.questions()) {
                    throw new NoSuchElementException();
                }
                pending.clear();
                pendingIndex = 0;
                maker.question(nextQuestion++, root.split(), pending);
            }
            return pending.get(pendingIndex++);
        }
    }

    /** Makes the records of one question; keeps scratch arrays between questions. */
    private final class StepMaker {
        private final double[] logprobs = new double[TopKShape.K];
        private final double[] entropyOut = new double[KS.length];
        private final String[] alternatives = new String[TopKShape.K];
        private final TopKEntropy entropy = new TopKEntropy();
        private final MessageDigest sha256 = newSha256();

        void question(int index, SplittableRandom r, List<StepRecord> out) {
            DatasetQuestions.Question given = settings.fromDataset() == null
                    ? null : settings.fromDataset().questions().get(index);
            String id = given != null ? given.id() : String.format(settings.questions() > 999 ? "q%04d" : "q%03d", index + 1);
            String invented = settings.answerKind() == AnswerKind.INTEGER
                    ? Integer.toString(r.nextInt(1000)) : LETTERS[r.nextInt(LETTERS.length)];
            String expected = given != null ? given.expected() : invented;
            int options = given != null && given.optionCount() > 0 ? given.optionCount() : LETTERS.length;
            boolean correct = r.nextDouble() < profile.step1Accuracy();
            String answer = correct ? expected : wrongAnswer(expected, options, r);
            long clock = settings.createdAt().toEpochMilli() + index * 1000L;
            double fixProbability = 0;
            for (int step = 1; step <= STEPS; step++) {
                if (step > 1) {
                    if (correct) {
                        if (r.nextDouble() < profile.breakRate()) {
                            correct = false;
                            answer = wrongAnswer(expected, options, r);
                        }
                    } else if (r.nextDouble() < fixProbability) {
                        correct = true;
                        answer = expected;
                    } else if (r.nextDouble() < 0.4) {
                        answer = wrongAnswer(expected, options, r);
                    }
                }
                StepRecord rec = step(id, step, expected, answer, correct, clock, r);
                clock += rec.durationMillis();
                if (step == 1) {
                    fixProbability = profile.fixProbability(StepEntropyAccumulator.mean(rec.entropies(TopKShape.K), null, null));
                }
                out.add(rec);
            }
        }

        private StepRecord step(String id, int step, String expected, String answer, boolean correct, long startedAt,
                                SplittableRandom r) {
            double drift = profile.entropyDriftPerStep() * (step - 1);
            double mean = correct ? profile.meanEntropyCorrect() : profile.meanEntropyIncorrect();
            double sd = correct ? profile.sdEntropyCorrect() : profile.sdEntropyIncorrect();
            double stepEntropy = clamp(mean + drift + sd * r.nextGaussian(), 0.05, 3.2);

            double median = step == 1 ? profile.medianStep1Tokens() : profile.medianRefineTokens();
            if (!correct) {
                median *= profile.incorrectLengthFactor();
            }
            int completion = (int) clamp(Math.round(median * Math.exp(profile.tokenSpread() * r.nextGaussian())),
                    profile.minTokens(), profile.maxTokens());
            int n = settings.maxTokenRecords() > 0 ? Math.min(completion, settings.maxTokenRecords()) : completion;

            boolean[] forking = new boolean[n];
            double[] target = tokenEntropyTargets(stepEntropy, n, forking, r);
            double[][] byK = new double[KS.length][n];
            double[] tail = new double[n];
            double[] chosen = new double[n];
            double[] confidence = new double[n];
            List<String> tokens = new ArrayList<>(n);
            List<StepRecord.TopLogprobs> top = settings.includeTop() ? new ArrayList<>(n) : null;
            for (int i = 0; i < n; i++) {
                double tailMass = Math.min(0.2, 0.0005 + 0.012 * target[i] * (0.5 + r.nextDouble()));
                TopKShape.fill(target[i], tailMass, r, logprobs);
                tail[i] = entropy.compute(logprobs, null, TopKShape.K, KS, entropyOut);
                chosen[i] = logprobs[0];
                confidence[i] = TopKEntropy.confidence(logprobs, TopKShape.K);
                for (int j = 0; j < KS.length; j++) {
                    byK[j][i] = entropyOut[j];
                }
                String token = SimulatedWords.pick(forking[i], r);
                tokens.add(token);
                if (top != null) {
                    alternatives[0] = token;
                    SimulatedWords.alternatives(forking[i], r, alternatives, TopKShape.K);
                    top.add(new StepRecord.TopLogprobs(List.of(alternatives), Arrays.copyOf(logprobs, TopKShape.K)));
                }
            }
            Map<Integer, double[]> entropyByK = new HashMap<>();
            for (int j = 0; j < KS.length; j++) {
                entropyByK.put(KS[j], byK[j]);
            }
            long duration = Math.round(300 + completion * 1000.0 / TOKENS_PER_SECOND);
            List<String> flags = n < completion ? List.of(SAMPLED_TOKENS_FLAG) : List.of();
            return new StepRecord(id, step, promptHash(id, step), profile.model(), "simulator", TEMPERATURE,
                    MAX_TOKENS_PER_STEP, TopKShape.K, answerText(answer, step), null, answer, expected, correct,
                    -1, completion, "stop", tokens, channels(n), entropyByK, tail, top, flags, startedAt, duration,
                    chosen, confidence);
        }

        /**
         * Per-token target entropies whose mean is the step's entropy: steady tokens near zero,
         * forking tokens in bursts (mean burst length 1/{@value #BURST_EXIT_PROBABILITY}), the
         * burst share chosen so the mean comes out right, then burst values scaled to hit it.
         */
        private double[] tokenEntropyTargets(double stepEntropy, int n, boolean[] forking, SplittableRandom r) {
            double share = clamp((stepEntropy - STEADY_MEAN_ENTROPY) / (FORK_MEAN_ENTROPY - STEADY_MEAN_ENTROPY), 0.002, 0.9);
            double enter = Math.min(1.0, share * BURST_EXIT_PROBABILITY / (1 - share));
            double[] target = new double[n];
            boolean inBurst = r.nextDouble() < share;
            double steadySum = 0;
            double forkSum = 0;
            for (int i = 0; i < n; i++) {
                forking[i] = inBurst;
                if (inBurst) {
                    target[i] = FORK_MIN_ENTROPY + FORK_ENTROPY_RANGE * r.nextDouble();
                    forkSum += target[i];
                    inBurst = r.nextDouble() >= BURST_EXIT_PROBABILITY;
                } else {
                    target[i] = Math.min(STEADY_MAX_ENTROPY, -STEADY_MEAN_ENTROPY * Math.log(1 - r.nextDouble()));
                    steadySum += target[i];
                    inBurst = r.nextDouble() < enter;
                }
            }
            if (forkSum > 0) {
                double scale = clamp((stepEntropy * n - steadySum) / forkSum, 0.25, 1.8);
                double ceiling = TopKShape.maxEntropy() - 0.05;
                for (int i = 0; i < n; i++) {
                    if (forking[i]) {
                        target[i] = Math.min(ceiling, target[i] * scale);
                    }
                }
            }
            return target;
        }

        private String channels(int n) {
            int reasoning = (int) Math.round(n * profile.reasoningShare());
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append(i < reasoning ? 'R' : 'A');
            }
            return sb.toString();
        }

        private String answerText(String answer, int step) {
            String lead = step == 1 ? "Working through the problem step by step" : "Reviewing the previous reasoning";
            if (settings.answerKind() == AnswerKind.INTEGER) {
                return lead + ", the final answer is \\boxed{" + answer + "}.";
            }
            return lead + ", the correct option is (" + answer + ").\nAnswer: " + answer;
        }

        /** An answer the grader marks wrong: another integer 0..999, or another of the {@code options} letters. */
        private String wrongAnswer(String expected, int options, SplittableRandom r) {
            if (settings.answerKind() == AnswerKind.INTEGER) {
                int e = Integer.parseInt(expected);
                return Integer.toString((e + 1 + r.nextInt(999)) % 1000);
            }
            int e = expected.charAt(0) - 'A';
            return String.valueOf((char) ('A' + (e + 1 + r.nextInt(options - 1)) % options));
        }

        private String promptHash(String id, int step) {
            byte[] digest = sha256.digest(("simulated|" + settings.seed() + "|" + id + "|" + step)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
