import ArgumentParser

/// `tracesync-bench`: speed and memory figures, each against a baseline measured in the same run.
@main
struct TraceSyncBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tracesync-bench")
}
