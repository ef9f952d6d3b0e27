import ArgumentParser
import SyncCore

extension FieldCommand {
    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "进场登记，生成批次追溯码 / Record an incoming batch and print its trace code."
        )

        @OptionGroup var options: GlobalOptions

        @Option(help: "产品编码或中文名称 / product code or name") var product: String
        /// Taken as is even when it starts with "-", so `--quantity -3` gets the quantity check's message.
        @Option(parsing: .unconditional, help: "数量（大于 0，最多三位小数）/ quantity") var quantity: String
        @Option(help: "单位，默认产品的单位 / unit (default: the product's)") var unit: String?
        @Option(name: .customLong("operator"), help: "收货经营户：编号、信用代码或名称 / receiving operator") var operatorRef: String
        @Option(help: "供货方 / supplier") var supplier: String
        @Option(help: "产地行政区划代码 / origin region code (GB/T 2260)") var origin: String
        @Option(help: "上游追溯码 / the supplier's trace code") var upstreamCode: String?
        @Option(help: "动物检疫合格证明编号 / quarantine certificate") var quarantineCert: String?
        @Option(help: "肉品品质检验合格证明编号 / meat quality certificate") var meatQualityCert: String?
        @Option(help: "产地证明编号 / origin certificate") var originCert: String?
        @Option(help: "车牌号 / vehicle plate") var vehiclePlate: String?
        @Option(help: "进场时间，默认现在 / time (default now), e.g. 2026-11-24 05:12") var time: String?
        @Option(help: "药品批准文号 / drug approval number, e.g. 国药准字H46020101") var approvalNumber: String?
        @Option(help: "生产批号 / lot number") var lotNumber: String?
        @Option(help: "有效期至 / expiry date, YYYY-MM-DD") var expiry: String?
        @Option(name: .customLong("item"), help: "物品码（药品追溯码，20 位）；可多次 / item code (drug trace code); repeat")
        var items: [String] = []

        func run() throws {
            try options.withStore { store, output in
                var input = ReceiptInput(
                    product: product, quantity: quantity, unit: unit, operatorRef: operatorRef, supplier: supplier,
                    origin: origin, upstreamCode: upstreamCode, quarantineCert: quarantineCert,
                    meatQualityCert: meatQualityCert, originCert: originCert, vehiclePlate: vehiclePlate, time: time
                )
                input.approvalNumber = approvalNumber
                input.lotNumber = lotNumber
                input.expiry = expiry
                input.items = items
                let result = try store.receive(input)
                try output.emit(["code": result.code.digits, "eventId": result.eventId]) {
                    output.text("已登记进场，追溯码 ", "receipt recorded, trace code ") + result.code.grouped
                }
            }
        }
    }
}
