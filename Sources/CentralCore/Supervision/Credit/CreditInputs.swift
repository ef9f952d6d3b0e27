/// How many times each `CreditFactor` occurs in an operator's record over a window: what the credit formula takes.
public struct CreditInputs: Codable, Hashable, Sendable {
    public var heldTraded: Int
    public var failedTests: Int
    public var complaintsUpheld: Int
    public var oversold: Int
    public var missingCertificates: Int
    public var findingsConfirmed: Int

    public init(heldTraded: Int = 0, failedTests: Int = 0, complaintsUpheld: Int = 0, oversold: Int = 0,
                missingCertificates: Int = 0, findingsConfirmed: Int = 0) {
        self.heldTraded = heldTraded
        self.failedTests = failedTests
        self.complaintsUpheld = complaintsUpheld
        self.oversold = oversold
        self.missingCertificates = missingCertificates
        self.findingsConfirmed = findingsConfirmed
    }

    /// The count of `factor`.
    public subscript(factor: CreditFactor) -> Int {
        get {
            switch factor {
            case .heldTraded: heldTraded
            case .failedTests: failedTests
            case .complaintsUpheld: complaintsUpheld
            case .oversold: oversold
            case .missingCertificates: missingCertificates
            case .findingsConfirmed: findingsConfirmed
            }
        }
        set {
            switch factor {
            case .heldTraded: heldTraded = newValue
            case .failedTests: failedTests = newValue
            case .complaintsUpheld: complaintsUpheld = newValue
            case .oversold: oversold = newValue
            case .missingCertificates: missingCertificates = newValue
            case .findingsConfirmed: findingsConfirmed = newValue
            }
        }
    }
}
