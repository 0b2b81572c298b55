package org.entropyworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.entropyworkbench.core.analysis.ChannelMeans;
import org.entropyworkbench.core.analysis.RuleNote;
import org.entropyworkbench.core.analysis.RunAnalysis;
import org.entropyworkbench.core.analysis.TopKAblationRow;
import org.entropyworkbench.core.run.RunSummary;
import org.entropyworkbench.core.run.RunHeader;
import org.entropyworkbench.core.stats.ClassStatistics;
import org.entropyworkbench.core.stats.Separation;
import org.entropyworkbench.core.threshold.ThresholdMethod;
import org.entropyworkbench.core.threshold.ThresholdResult;
import org.entropyworkbench.core.tradeoff.GradingState;
import org.entropyworkbench.core.tradeoff.TradeoffPoint;

/** The {@code analyze --json} output: the same numbers as the text table, NaN as null, fractions in [0, 1]. */
final class AnalysisJson {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AnalysisJson() {
    }

    static ObjectNode of(RunAnalysis a, String file) {
        ObjectNode o = JSON.createObjectNode();
        RunHeader h = a.header();
        RunSummary run = a.summary();
        o.put("file", file);
        o.put("runId", h.runId());
        o.put("title", h.title());
        o.put("model", h.model());
        o.put("dataset", h.dataset());
        o.put("simulated", h.simulated());
        o.put("k", a.options().k());
        o.put("priors", a.options().priors().id());
        o.put("steps", a.steps());
        o.put("questionsWithStep1", a.runOutcomes().step1Count());
        o.put("completeQuestions", a.outcomes().size());
        o.put("gradingState", a.gradingState().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        o.put("ungradedQuestions", a.runOutcomes().ungradedIds().size());
        o.put("gradingNote", a.gradingState().note(a.runOutcomes().ungradedIds().size()));
        ArrayNode incomplete = o.putArray("incompleteQuestionIds");
        a.incompleteQuestionIds().forEach(incomplete::add);
        ArrayNode failed = o.putArray("failedQuestionIds");
        a.runOutcomes().failedQuestionIds().forEach(failed::add);
        o.put("problemLines", run.problems().size());
        o.put("partialTail", run.partialTail());
        o.put("signal", a.signal().id());
        o.put("signalUnit", a.signal().unit());
        o.put("signalDirection", a.signal().direction().label());
        o.set("separation", separation(a.separationInSignalUnits()));
        o.put("entropyTokens", ChannelMeans.MAIN_H_TOKENS);
        o.set("channelMeans", channelMeans(a.channelMeans()));
        ArrayNode methods = o.putArray("methods");
        for (ThresholdMethod m : ThresholdMethod.values()) {
            ThresholdResult r = a.thresholds().result(m);
            TradeoffPoint p = a.atMethod(m);
            ObjectNode mo = methods.addObject();
            mo.put("method", m.id());
            mo.put("label", m.label());
            mo.put("tau", Numbers.jsonNumber(a.tauInSignalUnits(m)));
            mo.put("available", r.available());
            mo.put("note", RuleNote.inSignalUnits(r, a.signal()));
            mo.put("stopped", p.stopped());
            mo.put("n", p.n());
            mo.put("step1Accuracy", Numbers.jsonNumber(p.step1Accuracy()));
            mo.put("finalAccuracy", Numbers.jsonNumber(p.finalAccuracy()));
            mo.put("threshAccuracy", Numbers.jsonNumber(p.threshAccuracy()));
            mo.put("gatedAccuracy", Numbers.jsonNumber(p.gatedAccuracy()));
            mo.put("deltaAccuracyPoints", Numbers.jsonNumber(p.deltaAccuracyPoints()));
            mo.put("tokenSavings", Numbers.jsonNumber(p.tokenSavings()));
            mo.put("callSavings", Numbers.jsonNumber(p.callSavings()));
        }
        ArrayNode ablation = o.putArray("topKAblation");
        for (TopKAblationRow row : a.topKAblation()) {
            ObjectNode ro = ablation.addObject();
            ro.put("k", row.k());
            ro.put("recorded", row.recorded());
            ro.put("nCorrect", row.nCorrect());
            ro.put("nIncorrect", row.nIncorrect());
            ro.put("cohensD", Numbers.jsonNumber(row.cohensD()));
            ro.put("pValue", Numbers.jsonNumber(row.pValue()));
            ObjectNode tau = ro.putObject("tau");
            ObjectNode tokens = ro.putObject("tokenSavings");
            ObjectNode calls = ro.putObject("callSavings");
            for (ThresholdMethod m : ThresholdMethod.values()) {
                tau.put(m.id(), Numbers.jsonNumber(a.signal().direction().orient(row.tau().get(m))));
                tokens.put(m.id(), Numbers.jsonNumber(row.tokenSavings().get(m)));
                calls.put(m.id(), Numbers.jsonNumber(row.callSavings().get(m)));
            }
        }
        if (a.gradingState() == GradingState.UNGRADED) {
            UngradedReport.nullClassFigures(o);
            o.set("ungraded", UngradedReport.json(a));
        }
        return o;
    }

    private static ObjectNode separation(Separation s) {
        ObjectNode o = JSON.createObjectNode();
        o.set("correct", classNode(s.correct()));
        o.set("incorrect", classNode(s.incorrect()));
        o.put("cohensD", Numbers.jsonNumber(s.cohensD()));
        o.put("pValue", Numbers.jsonNumber(s.pValue()));
        o.put("overlap", Numbers.jsonNumber(s.overlap()));
        o.put("note", s.note());
        return o;
    }

    /**
     * Per class, the step-1 means over reasoning tokens only and over answer tokens only;
     * "available" is false when no record has channels.
     */
    private static ObjectNode channelMeans(ChannelMeans c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("available", c.available());
        o.put("questionsWithChannels", c.withChannels());
        ObjectNode correct = o.putObject("correct");
        correct.set("reasoning", classNode(c.correctReasoning()));
        correct.set("answer", classNode(c.correctAnswer()));
        ObjectNode incorrect = o.putObject("incorrect");
        incorrect.set("reasoning", classNode(c.incorrectReasoning()));
        incorrect.set("answer", classNode(c.incorrectAnswer()));
        return o;
    }

    private static ObjectNode classNode(ClassStatistics c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("n", c.n());
        o.put("mean", Numbers.jsonNumber(c.mean()));
        o.put("sd", Numbers.jsonNumber(c.sd()));
        return o;
    }
}
