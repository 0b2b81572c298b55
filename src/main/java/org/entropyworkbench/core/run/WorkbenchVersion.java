package org.entropyworkbench.core.run;

/** The version string written into run headers: the jar's Implementation-Version, else the build's default. */
public final class WorkbenchVersion {

    private static final String FALLBACK = "0.1.0";

    private WorkbenchVersion() {
    }

    public static String current() {
        String v = WorkbenchVersion.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? FALLBACK : v;
    }
}
