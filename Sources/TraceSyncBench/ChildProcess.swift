import Foundation

/// Runs the package's other executables, found next to the benchmark's own binary in the build products directory.
enum ChildProcess {
    /// What a run printed and how it ended.
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        let seconds: Double
    }

    /// The built executable `name` (`field`, `sync-server`) beside this binary.
    static func executable(_ name: String) throws -> URL {
        let own = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        let url = own.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw BenchError("no \(name) next to the benchmark at \(url.path): run "
                             + "`swift build -c release --product \(name)` first")
        }
        return url
    }

    /// Runs `name ARGUMENTS` to completion, its output going to files in `directory`; the time is the process's
    /// whole life, start to exit, as a person at the terminal sees it.
    static func run(_ name: String, _ arguments: [String], environment: [String: String] = [:],
                    in directory: ScratchDirectory) throws -> Result {
        let process = Process()
        process.executableURL = try executable(name)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = directory.url
        process.standardInput = FileHandle.nullDevice
        let out = directory.url.appendingPathComponent("stdout.txt"), err = directory.url.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        defer { try? outHandle.close(); try? errHandle.close() }
        process.standardOutput = outHandle
        process.standardError = errHandle
        let (seconds, _) = try Measure.time {
            try process.run()
            process.waitUntilExit()
        }
        return Result(status: process.terminationStatus,
                      stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "", seconds: seconds)
    }

    /// Runs and requires exit status 0.
    @discardableResult
    static func succeed(_ name: String, _ arguments: [String], environment: [String: String] = [:],
                        in directory: ScratchDirectory) throws -> Result {
        let result = try run(name, arguments, environment: environment, in: directory)
        guard result.status == 0 else {
            throw BenchError("\(name) \(arguments.prefix(2).joined(separator: " ")) exited \(result.status): \(result.stderr)\(result.stdout.prefix(500))")
        }
        return result
    }
}
