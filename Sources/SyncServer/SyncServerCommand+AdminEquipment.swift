import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Admin {
    /// `admin equipment`: special-equipment units, overdue inspections first.
    struct EquipmentCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "equipment",
            abstract: "特种设备（电梯、锅炉、压力容器）及检验超期 / Special equipment and overdue inspections.",
            discussion: """
                每台设备按其生命周期记录（使用登记、安装、定期检验、维修、报废）合并为一行。检验超期：最近一次检验的下次检验日期已过，且没有更新的检验；这是按日期计算的视图，新的检验一到即消失。报废后仍有记录的设备在冲突队列中（decommissioned_in_use）。
                Each unit's life events (registration, installation, periodic inspection, repair, decommissioning) make one row. Overdue: the last inspection's next due date has passed and no newer inspection is recorded; it is a view computed for the day, gone as soon as a newer inspection arrives. Units with events after their decommissioning are in the conflict queue (decommissioned_in_use).
                """,
            subcommands: [List.self]
        )
    }
}

extension SyncServerCommand.Admin.EquipmentCommand {
    /// `admin equipment list [--overdue] [--node N] [--as-of DAY]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出特种设备 / List special-equipment units.")

        @OptionGroup var options: AdminOptions
        @Flag(help: "只列出检验超期的设备 / only units whose inspection is overdue") var overdue = false
        @Option(help: "只列出此节点 / only this node, e.g. 46010001") var node: String?
        @Option(name: .customLong("as-of"), help: "按此日期计算状态（默认今天）/ the day to compute the status for, e.g. 2026-12-02 (today)")
        var asOf: String?
        @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

        func run() throws {
            try options.withStore { store in
                let filter = try EquipmentFilter(node: node, overdue: overdue ? "true" : nil, asOf: asOf)
                if let node = filter.node { _ = try store.node(node) }
                let units = try store.equipmentUnits(filter)
                if json { return try printJSON(units) }
                guard !units.isEmpty else {
                    return print(overdue ? "没有检验超期的设备 / no overdue inspections" : "没有特种设备 / no units")
                }
                print("设备代码 code\t节点 node\t种类 kind\t使用登记证 registration\t最近检验 last inspection\t下次检验 due\t状态 status")
                for unit in units {
                    let kind = unit.kind.map { "\($0.label.zh) \($0.label.en)" } ?? "-"
                    let last = unit.lastInspectedAt.map(BusinessTime.dayOf) ?? "-"
                    print("\(unit.code)\t\(unit.node)\t\(kind)\t\(unit.registrationNumber ?? "-")\t\(last)\t"
                        + "\(unit.nextDue ?? "-")\t\(unit.status.label.zh) \(unit.status.label.en)")
                }
            }
        }
    }
}
