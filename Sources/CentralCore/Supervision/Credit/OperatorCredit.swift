public import SyncCore

/// An operator's credit (经营户信用): a score from 0 to 100 and its grade, from the operator's compliance record over a
/// window, with every input beside it so a reader can recompute it.
///
/// The formula:
///
///     score = max(0, 100 − Σ count(factor) × pointsEach(factor))
///     grade = A if score ≥ 90, B if ≥ 75, C if ≥ 60, else D
///
/// with the factors and weights of `CreditFactor` (held-traded 20, failed test 10, complaint upheld 10, oversold 5,
/// missing certificate 5, finding confirmed 5) counted over `CreditWindow` (the last 365 days). An operator with a
/// clean record scores 100. A merged operator (a duplicate registration) is scored once, over the records of all
/// its ids (`aliases`).
public struct OperatorCredit: Codable, Hashable, Sendable {
    /// One line of the formula: a factor, how often it occurred, what each costs and what they cost together.
    public struct Item: Codable, Hashable, Sendable {
        public let factor: CreditFactor
        public let label: LocalizedText
        public let count: Int
        public let pointsEach: Int
        /// `count × pointsEach`: the points this factor takes off the score.
        public let points: Int

        public init(_ factor: CreditFactor, count: Int) {
            self.factor = factor
            label = factor.label
            self.count = count
            pointsEach = factor.pointsEach
            points = count * factor.pointsEach
        }
    }

    /// The score of a clean record.
    public static let fullScore = 100

    /// The operator kept (a merged operator's canonical id).
    public let operatorId: String
    /// The ids merged into it, whose records count too.
    public let aliases: [String]
    public let node: String
    public let name: String
    public let window: CreditWindow
    public let score: Int
    public let grade: CreditGrade
    /// Every factor in `CreditFactor.allCases` order, including those that occurred zero times.
    public let items: [Item]

    /// The credit of an operator whose record over `window` holds `inputs`.
    public init(operatorId: String, aliases: [String] = [], node: String, name: String, window: CreditWindow,
                inputs: CreditInputs) {
        self.operatorId = operatorId
        self.aliases = aliases
        self.node = node
        self.name = name
        self.window = window
        items = CreditFactor.allCases.map { Item($0, count: inputs[$0]) }
        score = Self.score(inputs)
        grade = CreditGrade(score: score)
    }

    /// The formula: 100 less each factor's count times its points, never below 0.
    public static func score(_ inputs: CreditInputs) -> Int {
        let lost = CreditFactor.allCases.reduce(0) { $0 + inputs[$1] * $1.pointsEach }
        return max(0, fullScore - lost)
    }

    /// The counts the score was computed from.
    public var inputs: CreditInputs {
        var inputs = CreditInputs()
        for item in items { inputs[item.factor] = item.count }
        return inputs
    }

    /// Orders credits worst first: the lowest score, then by name and id.
    public static func worstFirst(_ lhs: OperatorCredit, _ rhs: OperatorCredit) -> Bool {
        (lhs.score, lhs.name, lhs.operatorId) < (rhs.score, rhs.name, rhs.operatorId)
    }
}

/// `GET /v1/admin/credit?node=`: a node's operators' credit, worst first, and whether the public page shows grades.
public struct CreditListing: Codable, Hashable, Sendable {
    public let node: String
    public let window: CreditWindow
    /// Whether the province shows each selling operator's grade on the public trace page.
    public let publicGrade: Bool
    public let operators: [OperatorCredit]

    public init(node: String, window: CreditWindow, publicGrade: Bool, operators: [OperatorCredit]) {
        self.node = node
        self.window = window
        self.publicGrade = publicGrade
        self.operators = operators.sorted(by: OperatorCredit.worstFirst)
    }
}

/// The province's credit settings: `GET` and `PUT /v1/admin/credit/settings`, `admin credit public --on|--off`.
public struct CreditSettings: Codable, Hashable, Sendable {
    /// Whether the public trace page (`/t/{code}`) shows the selling operator's grade (never its inputs). Off by
    /// default.
    public let publicGrade: Bool

    public init(publicGrade: Bool) {
        self.publicGrade = publicGrade
    }
}
