import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// Two devices, `a` and `b`, of the demo market 46010001 and their own real server, for the conflict scenarios of
/// DESIGN.md §4: each device records offline, syncs, and the admin settles the conflict with `sync-server admin
/// conflicts`.
struct ConflictMarket {
    static let node = "46010001"

    let server: ServerProcess
    let a: MarketDevice
    let b: MarketDevice

    /// Starts a server with the demo markets, enrolls `a` and `b` (each syncs once) and runs `body`; the server and
    /// the directory are always cleaned up.
    static func with(serverArguments: [String] = [], _ body: (ConflictMarket) async throws -> Void) async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"] + serverArguments)
            defer { server.stop() }
            let a = try await MarketDevice.enrolled("a", node: node, server: server, in: directory)
            let b = try await MarketDevice.enrolled("b", node: node, server: server, in: directory)
            try await body(ConflictMarket(server: server, a: a, b: b))
        }
    }

    // MARK: Devices

    /// Runs `field sync --json` on `device`, which must succeed, and returns its summary.
    @discardableResult
    func sync(_ device: MarketDevice) async throws -> JSONValue {
        try await device.device.json("sync", "--attempts", "2", "--retry-delay", "0.2")
    }

    /// Records a receipt on `device` and returns its trace code and event id.
    func receive(
        on device: MarketDevice, quantity: String = "100", operatorId: String? = nil, product: String = "100104",
        supplier: String = "海南澄金肉联食品有限公司", extra: [String] = []
    ) async throws -> (code: String, eventId: String) {
        let arguments = ["receive", "--product", product, "--quantity", quantity, "--operator", operatorId ?? device.operatorId,
                         "--supplier", supplier, "--origin", "469023"] + extra + ["--json"]
        let result = try await device.device.run(arguments)
        #expect(result.status == 0, "\(result)")
        let receipt = try result.json()
        return (try #require(receipt["code"]?.stringValue), try #require(receipt["eventId"]?.stringValue))
    }

    /// `field show CODE --json` on `device`.
    func shown(_ code: String, on device: MarketDevice) async throws -> JSONValue {
        try await device.device.json("show", code)
    }

    /// The conflicts `field show CODE --json` lists on `device`.
    func conflicts(of code: String, on device: MarketDevice) async throws -> [ConflictRecord] {
        try #require(try await shown(code, on: device)["conflicts"]).decode([ConflictRecord].self)
    }

    // MARK: Admin

    /// `sync-server admin conflicts list --json` with `filters` (e.g. `--kind oversold`), which must succeed.
    func listed(_ filters: String...) async throws -> [ConflictRecord] {
        let result = try await server.admin(["admin", "conflicts", "list"] + filters + ["--json"])
        #expect(result.status == 0, "\(result)")
        return try result.json().decode([ConflictRecord].self)
    }

    /// The one conflict of `kind` in the admins' queue, which must be open and the only one of its kind.
    func onlyOpenConflict(_ kind: ConflictKind, sourceLocation: SourceLocation = #_sourceLocation) async throws -> ConflictRecord {
        let ofKind = try await listed("--kind", kind.rawValue)
        #expect(ofKind.count == 1, "expected exactly one \(kind.rawValue) conflict, got \(ofKind)", sourceLocation: sourceLocation)
        let conflict = try #require(ofKind.first, sourceLocation: sourceLocation)
        #expect(conflict.kind == kind && conflict.status == .open && conflict.node == Self.node, sourceLocation: sourceLocation)
        #expect(conflict.resolution == nil, sourceLocation: sourceLocation)
        #expect(try await listed("--kind", kind.rawValue, "--status", "open", "--node", Self.node) == ofKind,
                sourceLocation: sourceLocation)
        return conflict
    }

    /// `sync-server admin conflicts resolve ID … --note NOTE --author AUTHOR --json`, which must succeed; the returned
    /// record must be resolved with that note and author, and `admin conflicts show ID --json` must agree.
    func resolve(
        _ conflict: ConflictRecord, _ arguments: [String], note: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> ConflictRecord {
        let result = try await server.admin(
            ["admin", "conflicts", "resolve", String(conflict.id)] + arguments
                + ["--note", note, "--author", Self.admin, "--json"]
        )
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        let resolved = try result.json().decode(ConflictRecord.self)
        #expect(resolved.id == conflict.id && resolved.kind == conflict.kind, sourceLocation: sourceLocation)
        #expect(resolved.status == .resolved, sourceLocation: sourceLocation)
        #expect(resolved.candidates == conflict.candidates, "resolving keeps every candidate", sourceLocation: sourceLocation)
        #expect(resolved.resolution?.note == note && resolved.resolution?.author == Self.admin, sourceLocation: sourceLocation)

        let shown = try await server.admin("admin", "conflicts", "show", String(conflict.id), "--json")
        #expect(shown.status == 0, "\(shown)", sourceLocation: sourceLocation)
        #expect(try shown.json().decode(ConflictRecord.self) == resolved, sourceLocation: sourceLocation)
        #expect(try await listed("--kind", conflict.kind.rawValue, "--status", "open").isEmpty, sourceLocation: sourceLocation)
        #expect(try await listed("--kind", conflict.kind.rawValue, "--status", "resolved") == [resolved], sourceLocation: sourceLocation)

        // Settling it twice is refused and changes nothing.
        let again = try await server.admin(
            ["admin", "conflicts", "resolve", String(conflict.id), "--action", "accept", "--note", "再处理一次"]
        )
        #expect(again.status != 0, "\(again)", sourceLocation: sourceLocation)
        return resolved
    }

    /// The admin who settles the conflicts.
    static let admin = "市场管理员王芳"

    // MARK: Both devices

    /// Syncs both devices, then checks that each shows `resolved` on batch `code` exactly as the server does, in the
    /// JSON and in the Chinese text, and that both devices show the batch identically. Returns the batch as shown.
    @discardableResult
    func expectBothPulled(
        _ resolved: ConflictRecord, on code: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> JSONValue {
        try await sync(a)
        try await sync(b)
        for device in [a, b] {
            let onDevice = try await conflicts(of: code, on: device).first { $0.id == resolved.id }
            #expect(onDevice == resolved, "device \(device.device.directory.lastPathComponent)", sourceLocation: sourceLocation)
            let text = try await device.device.run("show", code)
            #expect(text.status == 0, "\(text)", sourceLocation: sourceLocation)
            #expect(text.stdout.contains("冲突："), "\(text)", sourceLocation: sourceLocation)
            #expect(text.stdout.contains("⚑ #\(resolved.id) \(resolved.kind.label.zh) · 已处理"), "\(text)",
                    sourceLocation: sourceLocation)
            #expect(text.stdout.contains(resolved.resolution?.note ?? "?"), "\(text)", sourceLocation: sourceLocation)
            #expect(try await device.device.json("status")["pending"] == .integer(0), sourceLocation: sourceLocation)
        }
        let shownByA = try await shown(code, on: a)
        #expect(await shownByA == (try shown(code, on: b)), "both devices must show the same batch", sourceLocation: sourceLocation)
        return shownByA
    }

    /// Checks that `device` shows `code` with the open conflict `conflict`, in JSON and in Chinese.
    func expectOpen(
        _ conflict: ConflictRecord, on code: String, device: MarketDevice, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        #expect(try await conflicts(of: code, on: device) == [conflict], sourceLocation: sourceLocation)
        let text = try await device.device.run("show", code)
        #expect(text.status == 0, "\(text)", sourceLocation: sourceLocation)
        #expect(text.stdout.contains("冲突："), "\(text)", sourceLocation: sourceLocation)
        #expect(text.stdout.contains("⚑ #\(conflict.id) \(conflict.kind.label.zh) · 待处理，候选 \(conflict.candidates.count) 个"),
                "\(text)", sourceLocation: sourceLocation)
    }
}

extension ServerProcess {
    /// Runs `sync-server ARGUMENTS --db <this store>`.
    func admin(_ arguments: [String]) async throws -> ProcessResult {
        guard let executable = Executables.url("sync-server") else { throw HarnessError("no built sync-server") }
        return try await ProcessRun.run(executable, arguments + ["--db", databasePath], in: directory)
    }
}

extension JSONValue {
    /// The events of a batch as `show --json` prints them.
    var events: [JSONValue] { self["events"]?.arrayValue ?? [] }

    /// The batch's flags as `show --json` prints them.
    var flags: [String] { self["flags"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
}
