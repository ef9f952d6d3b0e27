import ArgumentParser

@main
struct SyncServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sync-server")
}
