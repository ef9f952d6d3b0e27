import ArgumentParser
import SyncCore

extension FieldCommand {
    struct Products: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "产品目录 / The product catalogue.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "按编码或名称搜索 / search by code or name") var search: String?

        func run() throws {
            try options.withStore { store, output in
                let products = try store.products(matching: search)
                try output.emit(products) {
                    products.map { "\($0.code)\t\(output.text($0.name, $0.nameEn))\t\($0.unit)" }.joined(separator: "\n")
                }
            }
        }
    }
}
