import Foundation
import Testing

@testable import Harness

/// A run that writes nothing leaves no output folder behind, and never removes one that holds
/// anything.
@Suite struct OutputFolderTests {
  func temporary() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "output-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func missingFoldersAreTheOnesARunWouldCreate() throws {
    let base = try temporary()
    defer { try? FileManager.default.removeItem(at: base) }
    let deep = base.appendingPathComponent("a/b/c")
    #expect(
      OutputWriter.missingFolders(deep).map(\.lastPathComponent) == ["c", "b", "a"])
    #expect(OutputWriter.missingFolders(base).isEmpty)
  }

  @Test func emptyFoldersAndALoneLockFileAreRemoved() throws {
    let base = try temporary()
    defer { try? FileManager.default.removeItem(at: base) }
    let deep = base.appendingPathComponent("a/b")
    let created = OutputWriter.missingFolders(deep)
    try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
    FileManager.default.createFile(atPath: deep.appendingPathComponent(".lock").path, contents: nil)
    OutputWriter.removeIfEmpty(created)
    #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent("a").path))
    #expect(FileManager.default.fileExists(atPath: base.path))
  }

  @Test func aFolderWithResultsStays() throws {
    let base = try temporary()
    defer { try? FileManager.default.removeItem(at: base) }
    let deep = base.appendingPathComponent("a/b")
    let created = OutputWriter.missingFolders(deep)
    try FileManager.default.createDirectory(
      at: deep.appendingPathComponent("done"), withIntermediateDirectories: true)
    OutputWriter.removeIfEmpty(created)
    #expect(FileManager.default.fileExists(atPath: deep.appendingPathComponent("done").path))
  }
}
