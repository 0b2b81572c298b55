package org.entropyworkbench.archfixture.core;

/** Fixture for ArchitectureTest: a "core" class that wrongly uses JavaFX, which the layer rule must catch. */
public final class FixtureCoreUsingJavaFx {
    javafx.beans.property.SimpleIntegerProperty value;
}
