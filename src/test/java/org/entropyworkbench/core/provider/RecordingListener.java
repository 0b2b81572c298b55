package org.entropyworkbench.core.provider;

import org.entropyworkbench.core.token.TokenListener;
import org.entropyworkbench.core.token.TokenView;
import org.entropyworkbench.core.token.Channel;
import java.util.ArrayList;
import java.util.List;

/** Test listener that copies every token it sees (views are reused, so copying is required). */
final class RecordingListener implements TokenListener {
    record Tok(String text, double logprob, Channel channel, List<String> topTokens, double[] topLogprobs) {
        int topCount() {
            return topTokens.size();
        }
    }

    final List<Tok> tokens = new ArrayList<>();
    final List<TokenView> viewsSeen = new ArrayList<>();

    @Override
    public void onToken(TokenView t) {
        List<String> tt = new ArrayList<>();
        double[] lp = new double[t.topCount()];
        for (int i = 0; i < t.topCount(); i++) {
            tt.add(t.topToken(i));
            lp[i] = t.topLogprob(i);
        }
        tokens.add(new Tok(t.text(), t.logprob(), t.channel(), tt, lp));
        viewsSeen.add(t);
    }

    String channels() {
        StringBuilder b = new StringBuilder();
        for (Tok t : tokens) {
            b.append(t.channel().code());
        }
        return b.toString();
    }

    String texts() {
        StringBuilder b = new StringBuilder();
        for (Tok t : tokens) {
            b.append(t.text());
        }
        return b.toString();
    }
}
