/// Operators' credit as admins and the public page read it (`OperatorCredit`).
///
/// Guarantees those of every read port (`CentralReads`): the counts of one credit, and of every credit of a
/// listing, come from one snapshot.
public protocol CreditReader {
    /// The credit of operator `id` (or of the operator it was merged into) over `window`.
    /// - Throws: `TraceSyncError` `not_found` for an operator id the server does not know.
    func operatorCredit(_ id: String, window: CreditWindow) throws -> OperatorCredit

    /// The credit of every operator of `node` over `window`, worst first.
    /// - Throws: `TraceSyncError` `unknown_node`.
    func operatorCredits(node: String, window: CreditWindow) throws -> [OperatorCredit]

    /// The province's credit settings (the public grade is off until a province admin switches it on).
    func creditSettings() throws -> CreditSettings

    /// The grade of the operator who sold the goods of trace code `code` over `window`, for the public page; nil
    /// while the province does not show grades, or when the code or its operator is unknown.
    func publicCreditGrade(code: String, window: CreditWindow) throws -> CreditGrade?
}
