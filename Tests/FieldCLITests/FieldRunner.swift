import Foundation
import SyncCore
import Testing
import TestSupport

/// The built `field` executable.
///
/// `swift build --build-tests` (and `swift test`) put it in the build products directory, next to the test runner:
/// on Linux the runner is an executable there, on macOS an `.xctest` bundle. `FIELD_EXECUTABLE` overrides the search;
/// the package's default `.build/debug` is the last resort.
enum FieldExecutable {
    static let url: URL? = locate()

    private static func locate() -> URL? {
        if let explicit = ProcessInfo.processInfo.environment["FIELD_EXECUTABLE"] {
            return URL(fileURLWithPath: explicit)
        }
        var directories: [URL] = []
        for bundle in [Bundle.main] + Bundle.allBundles {
            directories.append(bundle.bundleURL)
            directories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        directories.append(runner.deletingLastPathComponent())
        directories.append(Fixtures.packageRoot.appendingPathComponent(".build/debug"))
        return directories.lazy.map { $0.appendingPathComponent("field") }.first { candidate in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory)
                && !isDirectory.boolValue && FileManager.default.isExecutableFile(atPath: candidate.path)
        }
    }
}

/// The package's `Fixtures/` directory.
enum Fixtures {
    /// The package root: three levels up from this file (`Tests/FieldCLITests/FieldRunner.swift`).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The path of a fixture, e.g. `import/weighing-sample.csv`.
    static func path(_ name: String) -> String {
        packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }
}

/// What one run of `field` printed and how it ended.
struct FieldResult: Sendable, CustomStringConvertible {
    let arguments: [String]
    let status: Int32
    let stdout: String
    let stderr: String

    /// Standard output parsed as JSON.
    func json() throws -> JSONValue { try JSONValue.parse(stdout) }

    var description: String {
        "field \(arguments.joined(separator: " ")) → exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)"
    }
}

/// A device database in its own temporary directory, and `field` run against it.
struct FieldDevice {
    /// The temporary directory: the working directory of every run.
    let directory: URL

    /// The device database (`FIELD_DB` of every run).
    var databasePath: String { directory.appendingPathComponent("device.sqlite").path }

    /// Runs `field ARGUMENTS`.
    @discardableResult
    func run(_ arguments: String...) async throws -> FieldResult { try await run(arguments) }

    /// Runs `field ARGUMENTS` in the device's directory with `FIELD_DB` set, `FIELD_LANG` unset and `environment`
    /// added; kills it after 30 s. Waits without blocking a thread of the cooperative pool.
    func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> FieldResult {
        let executable = try #require(FieldExecutable.url, "no built `field` executable: run `swift build` first")
        var variables = environment
        variables["FIELD_DB"] = databasePath
        let result = try await ProcessRun.run(executable, arguments, in: directory, environment: variables, timeout: 30)
        if result.killedBySignal {
            Issue.record("field \(arguments.joined(separator: " ")) crashed (signal \(result.status))")
        }
        return FieldResult(arguments: arguments, status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    /// Runs `field ARGUMENTS --json`, which must succeed, and returns what it printed.
    func json(_ arguments: String...) async throws -> JSONValue {
        let result = try await run(arguments + ["--json"])
        try #require(result.status == 0, "\(result)")
        return try result.json()
    }

    /// The journal's entry count as `field status --json` reports it.
    func journalEntries() async throws -> Int64 {
        try #require(try await json("status")["journalEntries"]?.asInt)
    }

    /// The number of batches `field batches --json` lists.
    func batchCount() async throws -> Int {
        try #require(try await json("batches").asArray).count
    }

    /// Runs `body` on the device file opened with SyncCore's `Database`, closed again before this returns.
    func withDatabase<T>(_ body: (Database) throws -> T) throws -> T {
        let database = try Database(path: databasePath, create: false)
        return try body(database)
    }
}

/// The node and device number every test device is set up with.
let testNode = "46010001"
let testDeviceNumber = 12

/// Runs `body` with a device in a fresh temporary directory (set up with `field init` unless `initialised` is
/// false), and removes the directory afterwards, however `body` ends.
func withDevice(initialised: Bool = true, _ body: (FieldDevice) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("field-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let device = FieldDevice(directory: directory)
    if initialised {
        let result = try await device.run(
            "init", "--node", testNode, "--device-number", String(testDeviceNumber), "--inspector", "李明"
        )
        try #require(result.status == 0, "\(result)")
    }
    try await body(device)
}

/// An operator of `Fixtures/demo/operators.json`.
struct FixtureOperator: Decodable, Sendable {
    let id: String
    let node: String
    let name: String
    let kind: String
    let creditCode: String?
    let legalRepresentative: String?
    let phone: String?
    let idNumber: String?
    let stall: String?

    /// The fixture's operators of node `node`.
    static func of(node: String) throws -> [FixtureOperator] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("demo/operators.json")))
        return try JSONDecoder().decode([FixtureOperator].self, from: data).filter { $0.node == node }
    }

    /// The arguments of `field operator add` that register this operator under its fixture id.
    var addArguments: [String] {
        var arguments = ["operator", "add", "--id", id, "--name", name, "--kind", kind]
        if let creditCode { arguments += ["--credit-code", creditCode] }
        if let legalRepresentative { arguments += ["--legal-representative", legalRepresentative] }
        if let idNumber { arguments += ["--id-number", idNumber] }
        if let phone { arguments += ["--phone", phone] }
        if let stall { arguments += ["--stall", stall] }
        return arguments
    }
}

extension FieldDevice {
    /// Registers the fixture operators of the test node (those with `ids`, or all); the weighing-system imports need
    /// them all.
    func registerFixtureOperators(_ ids: String...) async throws {
        for registered in try FixtureOperator.of(node: testNode) where ids.isEmpty || ids.contains(registered.id) {
            let result = try await run(registered.addArguments)
            try #require(result.status == 0, "\(result)")
        }
    }
}

extension JSONValue {
    var asString: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var asInt: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    var asBool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var asArray: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }
}
