import ArgumentParser

/// `field`: the market inspector's device. Records a whole market day offline.
@main
struct FieldCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "field",
        abstract: "重要产品追溯 · 市场检测员设备 / Traceability field device for market inspectors.",
        discussion: """
            在没有网络的情况下登记进场、检测、交易和销毁，每条记录都写入带哈希链的变更日志。
            Records receipts, tests, sales and disposals offline; every record is appended to a hash-chained journal.
            数据库位置 / database: --db 或环境变量 FIELD_DB（默认 ./field.sqlite）。
            语言 / language: --lang zh|en 或 FIELD_LANG。
            """,
        subcommands: [
            Init.self, Enroll.self, Sync.self, Receive.self, Inspect.self, Sell.self, Dispose.self, Correct.self, VoidEvent.self,
            OperatorCommand.self, Batches.self, Show.self, Trace.self, Import.self, Products.self,
            Status.self, Verify.self, Export.self, Pack.self, Unpack.self, EquipmentCommand.self,
        ]
    )
}
