import ArgumentParser

extension SyncServerCommand {
    /// `admin`: manages the central store directly, for the people who run the platform.
    struct Admin: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "管理节点、注册码、设备和冲突，召回与统计 / Manage nodes, enrollment codes, devices and conflicts; recalls and statistics.",
            discussion: """
                直接操作中心数据库，服务器运行时也可使用。
                Works on the central database directly, also while the server runs.
                """,
            subcommands: [NodeCommand.self, EnrollCode.self, DeviceCommand.self, ConflictsCommand.self, HoldCommand.self, Recall.self, Stats.self,
                          UserCommand.self, AuditCommand.self, OperatorCommand.self, ComplaintsCommand.self, FindingsCommand.self,
                          EquipmentCommand.self, CreditCommand.self]
        )
    }
}
