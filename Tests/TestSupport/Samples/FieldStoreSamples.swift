import Foundation
public import SyncCore

/// Runs `body` with a new device store in a temporary directory, its wall clock fixed at 2026-11-24 06:00 CST.
public func withFieldStore<T>(
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

extension FieldStore {
    /// Registers the demo operators of this store's node from `Fixtures/demo/operators.json`.
    public func registerDemoOperators() throws {
        for demo in try demoOperators() where demo.node == identity.node {
            try registerOperator(OperatorInput(
                id: demo.id, name: demo.name, kind: demo.kind, creditCode: demo.creditCode,
                legalRepresentative: demo.legalRepresentative, idNumber: demo.idNumber, phone: demo.phone,
                stall: demo.stall
            ))
        }
    }

    /// Receives 100 kg of bok choy (200101, 小白菜) for operator OP-46010001-001 and returns the batch code.
    @discardableResult
    public func receiveBokChoy(quantity: String = "100", time: String = "2026-11-24 05:00") throws -> TraceCode {
        try receive(ReceiptInput(
            product: "200101", quantity: quantity, operatorRef: "OP-46010001-001", supplier: "澄迈福山瓜菜合作社",
            origin: "469023", time: time
        )).code
    }

    /// The number of journal entries.
    public func journalCount() throws -> Int64 { try journalHead().count }
}
