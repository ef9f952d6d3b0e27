import ArgumentParser
import SyncCore

extension FieldCommand {
    /// `field equipment …`: a special-equipment unit's life, identified by its 特种设备代码.
    struct EquipmentCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "equipment",
            abstract: "特种设备（电梯、锅炉、压力容器）的使用登记、安装、定期检验、维修、报废 / Special equipment: registration, installation, periodic inspection, repair, decommissioning.",
            discussion: """
                设备以 18 位特种设备代码识别（见铭牌或使用登记证），如 311010123202300457。一台设备没有数量，不会"售罄"。报废后仍可记录，服务器会标记给管理员。
                A unit is identified by its 18-character special-equipment code (nameplate or registration certificate), e.g. 311010123202300457. A unit has no quantity and never sells out. Events after its decommissioning are still recorded; the server flags them to the admins.
                """,
            subcommands: [Register.self, Install.self, InspectUnit.self, Repair.self, Decommission.self, List.self, ShowUnit.self]
        )
    }
}

/// What every life-event command takes: the unit's code and the business time.
struct EquipmentUnitOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("特种设备代码（18 位）/ special-equipment code (18 characters)", valueName: "code"))
    var code: String
    @Option(help: "时间，默认现在 / time (default now), e.g. 2026-12-02 09:30") var time: String?
}

extension FieldCommand.EquipmentCommand {
    /// Records `step` and prints the unit as it now stands on the device.
    static func record(_ step: EquipmentStep, _ input: EquipmentInput, options: GlobalOptions) throws {
        try options.withStore { store, output in
            let (id, unit) = try store.recordEquipment(step, input)
            let today = BusinessTime.dayOf(BusinessTime.now())
            var view = ["eventId": id, "code": unit.code, "status": unit.status(on: today).rawValue]
            if step != .decommissioning, unit.decommissionedAt != nil { view["warning"] = "decommissioned" }
            try output.emit(view) {
                var text = output.text("已记录\(step.label.zh)（\(id)）：", "\(step.label.en) recorded (\(id)): ")
                    + output.describe(unit, asOf: today)
                if view["warning"] != nil {
                    text += "\n" + output.text("注意：本机记录显示该设备已报废，本条记录将由服务器标记给管理员。",
                                               "note: this device shows the unit decommissioned; the server will flag this event to the admins.")
                }
                return text
            }
        }
    }

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "使用登记 / Register a unit for use.")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var unit: EquipmentUnitOptions
        @Option(help: "使用登记证编号，如 梯11琼A00023(23) / use-registration number") var registration: String
        @Option(help: "使用单位 / the company using it") var user: String?

        func run() throws {
            try FieldCommand.EquipmentCommand.record(.registration, EquipmentInput(
                code: unit.code, registrationNumber: registration, user: user, time: unit.time), options: options)
        }
    }

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "安装 / Record the installation.")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var unit: EquipmentUnitOptions
        @Option(help: "安装地点 / place of installation") var location: String
        @Option(help: "安装单位 / installer") var agency: String?

        func run() throws {
            try FieldCommand.EquipmentCommand.record(.installation, EquipmentInput(
                code: unit.code, location: location, agency: agency, time: unit.time), options: options)
        }
    }

    struct InspectUnit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "inspect", abstract: "定期检验（结论与下次检验日期）/ Record a periodic inspection (result and next due date).")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var unit: EquipmentUnitOptions
        @Option(help: "检验结论 pass（合格）或 fail（不合格）/ result") var result: String
        @Option(help: "下次检验日期 YYYY-MM-DD（合格时必填）/ next due date (required when passed)") var nextDue: String?
        @Option(help: "检验机构 / inspection body") var agency: String?
        @Option(help: "检验报告编号 / report number") var report: String?

        func run() throws {
            try FieldCommand.EquipmentCommand.record(.inspection, EquipmentInput(
                code: unit.code, result: result, nextDue: nextDue, agency: agency, reportNumber: report, time: unit.time),
                options: options)
        }
    }

    struct Repair: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "维修 / Record a repair.")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var unit: EquipmentUnitOptions
        @Option(help: "维修内容 / what was repaired") var note: String
        @Option(help: "维修单位 / repairer") var agency: String?

        func run() throws {
            try FieldCommand.EquipmentCommand.record(.repair, EquipmentInput(
                code: unit.code, agency: agency, note: note, time: unit.time), options: options)
        }
    }

    struct Decommission: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "报废 / Decommission the unit.")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var unit: EquipmentUnitOptions
        @Option(help: "报废原因 / reason") var reason: String

        func run() throws {
            try FieldCommand.EquipmentCommand.record(.decommissioning, EquipmentInput(
                code: unit.code, note: reason, time: unit.time), options: options)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出本机记录的特种设备 / List the units on this device.")
        @OptionGroup var options: GlobalOptions
        @Flag(help: "只列出检验超期的设备 / only units overdue for inspection") var overdue = false
        @Option(name: .customLong("as-of"), help: "按此日期计算状态（默认今天）/ the day to compute the status for (today)")
        var asOf: String?

        func run() throws {
            try options.withStore { store, output in
                let day = try asOf.map { try BusinessTime.day($0, field: "as-of") } ?? BusinessTime.dayOf(BusinessTime.now())
                let units = try store.equipmentUnits().filter { !overdue || $0.status(on: day) == .overdue }
                try output.emit(units.map { EquipmentView($0, asOf: day) }) {
                    units.isEmpty ? output.text("没有特种设备记录。", "no units.")
                        : units.map { output.describe($0, asOf: day) }.joined(separator: "\n")
                }
            }
        }
    }

    struct ShowUnit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "查看一台设备及其记录 / Show a unit and its events.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp("特种设备代码 / special-equipment code", valueName: "code")) var code: String

        func run() throws {
            try options.withStore { store, output in
                let code = try SpecialEquipmentCode.validate(code, field: "code")
                guard let unit = try store.equipmentUnit(code) else {
                    throw TraceSyncError(.unknownTarget, field: "code", zh: "本机没有设备「\(code)」的记录。",
                                         en: "this device holds no events of unit \"\(code)\".")
                }
                let day = BusinessTime.dayOf(BusinessTime.now())
                let events = try store.equipmentEvents().filter {
                    if case .equipment(_, let e) = $0.body { e.equipmentCode == code } else { false }
                }
                try output.emit(EquipmentView(unit, asOf: day)) {
                    ([output.describe(unit, asOf: day)] + events.compactMap { event -> String? in
                        guard case .equipment(let step, let e) = event.body else { return nil }
                        var detail = "  \(BusinessTime.display(e.time))  \(output.text(step.label))"
                        if let passed = e.passed { detail += " " + (passed ? output.text("合格", "pass") : output.text("不合格", "FAIL")) }
                        for value in [e.registrationNumber, e.location, e.nextDue.map { output.text("下次 ", "due ") + $0 }, e.note] {
                            if let value { detail += " · " + value }
                        }
                        return detail + "  #\(event.id)"
                    }).joined(separator: "\n")
                }
            }
        }
    }
}
