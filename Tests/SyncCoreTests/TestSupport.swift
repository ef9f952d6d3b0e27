import Foundation
@testable import SyncCore

/// SplitMix64: a small seeded generator, so property tests draw the same values on every run and platform.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The repository's `Fixtures` directory, found from this file's path.
let fixturesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

/// The text of a fixture file, e.g. `import/weighing-sample.csv`.
func fixtureText(_ path: String) throws -> String {
    try String(contentsOf: fixturesDirectory.appendingPathComponent(path), encoding: .utf8)
}

/// The demo operators of `Fixtures/demo/operators.json`.
func demoOperators() throws -> [Operator] {
    try JSONDecoder().decode([Operator].self, from: Data(fixtureText("demo/operators.json").utf8))
}

/// Runs `body` with a fresh temporary directory that is removed afterwards, whatever happens.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("SyncCoreTests-" + UUID().uuidString, isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// Runs `body` with a new device store in a temporary directory, its wall clock fixed at 2026-11-24 06:00 CST.
func withFieldStore<T>(
    node: String = "46010001", deviceNumber: Int = 1, _ body: (FieldStore) throws -> T
) throws -> T {
    try withTemporaryDirectory { directory in
        let store = try FieldStore.initialize(
            path: directory.appendingPathComponent("device.sqlite").path,
            node: node, deviceNumber: deviceNumber, inspector: "符永清"
        )
        store.wallClock = { marketMorning }
        return try body(store)
    }
}

/// 2026-11-24 06:00:00 China Standard Time (2026-11-23T22:00:00Z), in milliseconds since the epoch.
let marketMorning: Int64 = 1_795_471_200_000

extension FieldStore {
    /// Registers the demo operators of this store's node from `Fixtures/demo/operators.json`.
    func registerDemoOperators() throws {
        for demo in try demoOperators() where demo.node == identity.node {
            try registerOperator(OperatorInput(
                id: demo.id, name: demo.name, kind: demo.kind, creditCode: demo.creditCode,
                legalRepresentative: demo.legalRepresentative, idNumber: demo.idNumber, phone: demo.phone,
                stall: demo.stall
            ))
        }
    }

    /// Receives 100 kg of bok choy (200101, 小白菜) for operator OP-46010001-001 and returns the batch code.
    func receiveBokChoy(quantity: String = "100", time: String = "2026-11-24 05:00") throws -> TraceCode {
        try receive(ReceiptInput(
            product: "200101", quantity: quantity, operatorRef: "OP-46010001-001", supplier: "澄迈福山瓜菜合作社",
            origin: "469023", time: time
        )).code
    }

    /// The number of journal entries.
    func journalCount() throws -> Int64 { try journalHead().count }
}
