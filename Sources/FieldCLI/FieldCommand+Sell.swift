import ArgumentParser
import SyncCore

extension FieldCommand {
    struct Sell: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "登记交易，生成买方的子追溯码 / Record a sale and print the buyer's trace code."
        )

        @OptionGroup var options: GlobalOptions

        /// The code as one word, or as the groups of a code pasted unquoted (`PastedCode`).
        @Argument(help: ArgumentHelp("批次追溯码 / the batch's trace code", valueName: "code")) var codeWords: [String]
        /// Taken as is even when it starts with "-", so `--quantity -3` gets the quantity check's message.
        @Option(parsing: .unconditional, help: "数量 / quantity") var quantity: String
        @Option(help: "买方：经营户编号、信用代码、名称或任意文字 / buyer") var buyer: String
        @Option(parsing: .unconditional, help: "单价（元）/ unit price in yuan") var price: String?
        @Option(help: "交易时间，默认现在 / time (default now)") var time: String?
        @Option(help: "承运单位名称（危险品配送）/ carrier delivering the goods (hazardous goods)") var carrier: String?
        @Option(help: "承运单位的道路危险货物运输许可证编号 / the carrier's dangerous goods road transport permit")
        var carrierPermit: String?
        @Option(help: "运输车辆号牌，如 琼A·D1234 / the delivering vehicle's plate") var vehicle: String?
        @Option(name: .customLong("case"), help: "整箱或整托售出的箱/托盘码；可多次 / a case or pallet sold whole; repeat")
        var containers: [String] = []

        func run() throws {
            try options.withStore { store, output in
                let code = try PastedCode.text(codeWords, field: "code")
                var input = SaleInput(code: code, quantity: quantity, buyer: buyer, price: price, time: time,
                                      carrier: carrier, carrierPermit: carrierPermit, vehiclePlate: vehicle)
                input.containers = containers
                let result = try store.sell(input)
                try output.emit(["code": result.code.digits, "eventId": result.eventId]) {
                    output.text("已登记交易，买方追溯码 ", "sale recorded, buyer's trace code ") + result.code.grouped
                }
            }
        }
    }
}
