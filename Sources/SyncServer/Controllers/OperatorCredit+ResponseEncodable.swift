public import Hummingbird
import CentralCore

// Operator credit is returned from routes as JSON; CentralCore stays free of HTTP types.
extension OperatorCredit: ResponseEncodable {}
extension CreditListing: ResponseEncodable {}
extension CreditSettings: ResponseEncodable {}
