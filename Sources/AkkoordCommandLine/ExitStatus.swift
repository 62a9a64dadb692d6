import ArgumentParser

/// The exit codes of every Akkoord program: 0 in order, 1 findings, 2 unusable input (usage errors included).
public enum ExitStatus {
    /// Findings: errors in a scenario or the rules, a failed expectation, no feasible package.
    public static let findings = ExitCode(1)
    /// Unusable input: bad files, bad arguments.
    public static let unusableInput = ExitCode(2)
}
