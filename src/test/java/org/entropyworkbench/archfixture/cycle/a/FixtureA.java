package org.entropyworkbench.archfixture.cycle.a;

import org.entropyworkbench.archfixture.cycle.b.FixtureB;

/** Fixture for ArchitectureTest: half of a deliberate package cycle (a -> b -> a). Never used by the product. */
public final class FixtureA {
    FixtureB other;
}
