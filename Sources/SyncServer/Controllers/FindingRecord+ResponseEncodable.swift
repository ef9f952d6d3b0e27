public import Hummingbird
import CentralCore

// The follow-up queue's findings are returned from routes as JSON; CentralCore stays free of HTTP types.
extension FindingRecord: ResponseEncodable {}
