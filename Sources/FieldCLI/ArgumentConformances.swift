public import ArgumentParser
public import SyncCore

// SyncCore's enums typed on the command line. SyncCore cannot depend on ArgumentParser (it ships in the mobile
// app), so the conformances live here.
extension Language: ExpressibleByArgument {}
extension BatchStatus: ExpressibleByArgument {}
extension OperatorKind: ExpressibleByArgument {}
