import ArgumentParser
import SyncCore

extension FieldCommand {
    struct Pack: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "装箱/组托：物品装入箱，或箱装上托盘 / Pack items into a case, or cases onto a pallet.",
            discussion: """
                新箱不填 --case，本机生成箱码（与追溯码同格式、带校验位，全省唯一）；往已有的箱或托盘里加货时用 --case。
                装入已在他箱、已售出或已销毁的物品会照样登记，并由服务器标记为装箱冲突。
                Leave out --case for a new case: the device makes its code (a trace code's format and check digits,
                unique province-wide). Give --case to add to an existing case or pallet. Packing an item that another
                case holds, or that was sold or disposed, is recorded all the same and flagged by the server.
                例 / e.g.: field pack 4601 0301 001… --item 81462350000123450017 --item 81462350000123450024
                           field pack 4601 0301 001… --pallet --item <case code>
                """
        )

        @OptionGroup var options: GlobalOptions

        @Argument(help: ArgumentHelp("批次追溯码 / the batch's trace code", valueName: "code")) var codeWords: [String]
        @Option(name: .customLong("item"), help: "物品码（药品追溯码），托盘则为箱码；可多次 / item code (a case's code for a pallet); repeat")
        var items: [String]
        @Option(name: .customLong("case"), help: "已有的箱或托盘码，默认新生成 / an existing case or pallet (default: a new one)")
        var container: String?
        @Flag(help: "组托：把箱装上托盘 / pack cases onto a pallet") var pallet = false
        @Option(help: "装箱时间，默认现在 / time (default now)") var time: String?

        func run() throws {
            try options.withStore { store, output in
                let code = try PastedCode.text(codeWords, field: "code")
                let result = try store.pack(code: code, container: container, level: pallet ? .pallet : .case,
                                            contents: items, time: time)
                let level = pallet ? output.text("托盘码 ", "pallet code ") : output.text("箱码 ", "case code ")
                try output.emit(["container": result.container.digits, "eventId": result.eventId,
                                 "count": String(items.count)]) {
                    output.text("已装箱 \(items.count) 件，", "packed \(items.count), ") + level + result.container.grouped
                }
            }
        }
    }

    struct Unpack: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "拆箱/拆托：从箱中取出物品，或从托盘取下箱 / Take items out of a case, or cases off a pallet.",
            discussion: """
                不填 --item 则取出全部。 Without --item, everything it holds is taken out.
                例 / e.g.: field unpack <case code> --item 81462350000123450017
                """
        )

        @OptionGroup var options: GlobalOptions

        @Argument(help: ArgumentHelp("箱或托盘码 / the case's or pallet's code", valueName: "case")) var codeWords: [String]
        @Option(name: .customLong("item"), help: "取出的物品码或箱码；可多次 / item (or case) to take out; repeat")
        var items: [String] = []
        @Option(help: "拆箱时间，默认现在 / time (default now)") var time: String?

        func run() throws {
            try options.withStore { store, output in
                let code = try PastedCode.text(codeWords, field: "case")
                let id = try store.unpack(container: code, contents: items, time: time)
                try output.emit(["eventId": id]) {
                    output.text("已拆箱 ", "unpacked ") + code
                }
            }
        }
    }
}
