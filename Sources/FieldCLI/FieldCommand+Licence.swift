import ArgumentParser
import SyncCore

/// A licence as typed on the command line: all four options or none.
struct LicenceOptions: ParsableArguments {
    @Option(help: "许可证编号，如 农药经营琼2026469023007 / licence number as printed") var licence: String?
    @Option(help: "许可证种类：pesticide_operating_licence（农药经营许可证）、hazardous_chemicals_licence（危险化学品经营许可证）、dangerous_goods_transport_permit（道路危险货物运输许可证）等 / licence kind")
    var licenceKind: String?
    @Option(help: "有效期起，如 2026-04-12 / first day valid") var validFrom: String?
    @Option(help: "有效期至，如 2031-04-11 / last day valid") var validUntil: String?

    static let incomplete = "许可证需同时给出 --licence、--licence-kind、--valid-from 和 --valid-until。 A licence needs --licence, --licence-kind, --valid-from and --valid-until together."

    var isEmpty: Bool { licence == nil && licenceKind == nil && validFrom == nil && validUntil == nil }
    var isComplete: Bool { licence != nil && licenceKind != nil && validFrom != nil && validUntil != nil }

    /// The licence checked, or nil when none was given.
    func checked() throws -> Licence? {
        guard let licence, let licenceKind, let validFrom, let validUntil else { return nil }
        return try Licence.checked(kind: licenceKind, number: licence, validFrom: validFrom, validUntil: validUntil)
    }
}

extension FieldCommand.OperatorCommand {
    /// `field operator licence`: puts a licence on record for a registered operator (registers it again with it).
    struct LicenceCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "licence",
            abstract: "为已登记经营户登记许可证 / Put a licence on record for a registered operator.",
            discussion: """
                限制使用农药、危险化学品的销售需要买方持有有效许可证；离线登记的许可证同步后，之前已标记的无证销售仍由管理员处理。
                A sale of a restricted pesticide or a hazardous good needs the buyer's valid licence on record; a licence \
                recorded after such a sale does not settle its unlicensed-sale conflict, an admin does.
                """
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "经营户：编号、信用代码或名称 / operator: id, credit code or name") var `operator`: String
        @OptionGroup var licence: LicenceOptions

        func validate() throws {
            guard licence.isComplete else { throw ValidationError(LicenceOptions.incomplete) }
        }

        func run() throws {
            try options.withStore { store, output in
                let registered = try store.addLicence(try licence.checked()!, to: `operator`)
                try output.emit(OperatorView(ListedOperator(registered))) {
                    output.text("已为 \(registered.name)（\(registered.id)）登记许可证 \(licence.licence ?? "")",
                                "licence \(licence.licence ?? "") recorded for \(registered.name) (\(registered.id))")
                }
            }
        }
    }
}
