import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// Prints why a command failed to standard error, in Chinese and English, and returns the exit to end with
/// (code 1). Usage errors of the command line itself are left to ArgumentParser.
func commandFailure(_ error: any Error) -> any Error {
    let message: String
    switch error {
    case is ExitCode, is CleanExit, is ValidationError:
        return error
    case let refusal as TraceSyncError:
        message = "错误 / error [\(refusal.code)]: \(refusal.message.zh) / \(refusal.message.en)"
    case let error as DatabaseError:
        message = "数据库错误，数据未改动 / database error, nothing was changed: \(error.message)"
    default:
        message = "sync-server 无法继续 / cannot continue: \(error)"
    }
    FileHandle.standardError.write(Data((message + "\n").utf8))
    return ExitCode.failure
}
