/// Who or what carries an identifier: a product (its approval or registration number), an item (its trace code),
/// a unit of special equipment (its device code), a node (its licences), or a party to an event.
public enum IdentifierHolder: String, Sendable, Hashable, CaseIterable, Codable {
    /// A catalogue product.
    case product
    /// One serialised item or package.
    case item
    /// A special-equipment unit.
    case unit
    /// A node: a shop, pharmacy, depot, maintenance unit …
    case node
    /// The node selling or handing over goods.
    case seller
    /// The node or person buying.
    case buyer
    /// The carrier transporting the goods.
    case carrier
    /// The unit doing the work: installer, inspector, repairer.
    case performer

    /// The holders an identifier is declared on; the others are parties an event's requirement names.
    public static let declarable: Set<Self> = [.product, .item, .unit, .node]
}
