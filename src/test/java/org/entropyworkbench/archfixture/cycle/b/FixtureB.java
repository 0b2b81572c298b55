package org.entropyworkbench.archfixture.cycle.b;

import org.entropyworkbench.archfixture.cycle.a.FixtureA;

/** Fixture for ArchitectureTest: the other half of a deliberate package cycle (b -> a -> b). */
public final class FixtureB {
    FixtureA other;
}
