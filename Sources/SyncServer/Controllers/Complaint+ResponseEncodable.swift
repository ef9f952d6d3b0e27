public import Hummingbird
public import CentralCore

// A complaint is returned from the admin routes as JSON; CentralCore stays free of HTTP types.
extension Complaint: ResponseEncodable {}
