import Foundation
import Testing

@testable import Calculus

@Suite struct StepGridTests {
  @Test(arguments: [1, 3, 4, 10])
  func decadesAreTheExactLiterals(perDecade: Int) {
    let steps = StepGrid(min: 1e-12, max: 1e-1, perDecade: perDecade).steps
    let decades: [Double] = [
      1e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1,
    ]
    for decade in decades {
      #expect(steps.contains { $0.bitPattern == decade.bitPattern }, "\(decade)")
    }
    #expect(steps.count == 11 * perDecade + 1)
    #expect(steps.first == 1e-12 && steps.last == 1e-1)
  }

  @Test func stepsAreAscendingAndLogUniform() {
    let steps = StepGrid(min: 1e-8, max: 1e-1, perDecade: 4).steps
    #expect(zip(steps, steps.dropFirst()).allSatisfy { $0 < $1 })
    for (a, b) in zip(steps, steps.dropFirst()) {
      #expect(Swift.abs(log10(b / a) - 0.25) <= 1e-12)
    }
  }

  @Test func includesTheSeedsStepsOnlyWithinRange() {
    // 3 per decade does not land on the seeds' steps except at decades; add 2e-3 and 0.5.
    let grid = StepGrid(min: 1e-6, max: 1e-2, perDecade: 3, including: [1e-5, 2e-3, 0.5, 1e-1])
    let steps = grid.steps
    #expect(steps.contains(2e-3))
    #expect(steps.contains(1e-5))
    #expect(!steps.contains(0.5) && !steps.contains(1e-1))
    #expect(steps.count == 4 * 3 + 1 + 1)
    #expect(zip(steps, steps.dropFirst()).allSatisfy { $0 < $1 })
    #expect(StepGrid(min: 1e-8, max: 1e-1, perDecade: 4).including == [1e-1, 1e-4, 1e-5])
  }

  @Test func nearDuplicatesKeepTheIncludedValue() {
    // 10^(-2.5) computed two ways differs in the last bits; the included value survives alone.
    let included = 0.0031622776601683794.nextUp
    let steps = StepGrid(min: 1e-3, max: 1e-2, perDecade: 2, including: [included]).steps
    #expect(steps.count == 3)
    #expect(steps[1] == included)
  }

  @Test func boundsAreInclusiveAndASingleStepWorks() {
    #expect(StepGrid(min: 1e-4, max: 1e-4, perDecade: 4, including: []).steps == [1e-4])
    #expect(StepGrid(min: 2e-4, max: 3e-4, perDecade: 1, including: []).steps.isEmpty)
  }

  @Test func decodesTheExperimentFileKeys() throws {
    let json = Data(#"{"min": 1e-10, "max": 0.1, "per_decade": 4}"#.utf8)
    let grid = try JSONDecoder().decode(StepGrid.self, from: json)
    #expect(grid == StepGrid(min: 1e-10, max: 0.1, perDecade: 4))
    let roundTrip = try JSONDecoder().decode(StepGrid.self, from: JSONEncoder().encode(grid))
    #expect(roundTrip == grid)
  }

  @Test(arguments: [
    #"{"min": 0, "max": 0.1, "per_decade": 4}"#,
    #"{"min": 1e-3, "max": 1e-4, "per_decade": 4}"#,
    #"{"min": 1e-8, "max": 0.1, "per_decade": 0}"#,
  ])
  func rejectsInvalidGrids(json: String) {
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(StepGrid.self, from: Data(json.utf8))
    }
  }
}
