public import SyncCore

/// What leaves the server for regulators and other platforms: the regulators' CSV, the EPCIS document, the exchange
/// feed and the supervision counts.
///
/// Guarantees those of every read port (`CentralReads`): a document is built from one snapshot, so its counts and
/// rows agree with each other. Feed positions are visible in commit order, as pull positions are (`PullLog`), so a
/// feed cursor never skips an event that commits later; a feed page costs about its own rows.
public protocol ExportReader {
    /// The regulators' CSV of `kind` over the business days `from`…`to` (`YYYY-MM-DD`), of one node or all, and of
    /// the batches of one industry's products or of all (each row names its industry).
    func csv(_ kind: RegulatorCSV, from: String, to: String, node: String?, industry: Industry?) throws -> String

    /// The EPCIS 2.0 document of the events recorded from `from` until `to` (milliseconds), of one node or all.
    func epcisDocument(from: Int64, to: Int64, node: String?) throws -> JSONValue

    /// Accepted events after `cursor`, at most `limit`, each as the exchange's allow-list shows it.
    func feed(after cursor: Int64, limit: Int) throws -> FeedPage

    /// Supervision counts per node, business day and industry over `from`…`to`, of one node or all and of one
    /// industry or all, with open conflicts and quiet devices.
    func stats(from: String, to: String, node: String?, industry: Industry?) throws -> SupervisionStats
}
