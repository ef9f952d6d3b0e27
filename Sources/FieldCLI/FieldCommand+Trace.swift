import ArgumentParser
import SyncCore

extension FieldCommand {
    struct Trace: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "追溯链：上游来源与下游去向（本设备所知）/ The trace chain as far as this device knows it."
        )

        @OptionGroup var options: GlobalOptions
        /// The code as one word, or as the groups of a code pasted unquoted (`PastedCode`).
        @Argument(help: ArgumentHelp("追溯码 / trace code", valueName: "code")) var codeWords: [String]

        struct ChainView: Encodable {
            struct Link: Encodable {
                let code: String
                let known: Bool
            }
            let queried: String
            let issuingSale: String?
            let batch: BatchView
            let upstream: [Link]
            let downstream: [String]
        }

        func run() throws {
            try options.withStore { store, output in
                let code = try PastedCode.text(codeWords, field: "code")
                let chain = try store.trace(code)
                let view = ChainView(
                    queried: chain.queried.digits, issuingSale: chain.issuingSale?.event.id,
                    batch: try BatchView(chain.batch, store: store),
                    upstream: chain.upstream.map { .init(code: $0.code, known: $0.batch != nil) },
                    downstream: chain.downstream.compactMap {
                        if case .sale(let sale) = $0.current { return sale.childCode.digits }
                        return nil
                    }
                )
                try output.emit(view) { describe(chain, store: store, output: output) }
            }
        }

        private func describe(_ chain: FieldStore.TraceChain, store: FieldStore, output: Output) -> String {
            var lines: [String] = []
            for link in chain.upstream.reversed() {
                let where_ = link.batch.map { output.text("本节点批次 · ", "batch here · ") + output.text(store.productName($0.receipt.product)) }
                    ?? output.text("上游（本设备无记录）", "upstream (not on this device)")
                lines.append("↑ \(link.code)  \(where_)")
            }
            lines.append("● " + chain.batch.code.grouped + "  " + output.text(store.productName(chain.batch.receipt.product))
                         + output.text("，产地 ", ", origin ") + output.text(store.regionName(chain.batch.receipt.origin))
                         + "  " + output.text(chain.batch.status.label))
            if let sale = chain.issuingSale {
                lines.append(output.text("  查询的是交易子码：", "  queried code was issued by the sale: ") + output.describe(sale, unit: chain.batch.receipt.unit))
            }
            for sale in chain.downstream { lines.append("↓ " + output.describe(sale, unit: chain.batch.receipt.unit)) }
            return lines.joined(separator: "\n")
        }
    }
}
