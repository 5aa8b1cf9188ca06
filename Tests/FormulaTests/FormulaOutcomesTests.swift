import Foundation
import Testing

@testable import Formula

/// Outcomes kept in words (`FormulaOutcomes`) read back as given: every kind of value bit for bit,
/// the reasons a formula is not evaluable, and nothing for a formula given no outcome.
@Suite struct FormulaOutcomesTests {
    @Test func everyOutcomeReadsBackAsGivenInAnyOrder() {
        let values = PackedValuesTests.values
        let reason = NotEvaluable(.unsupportedFunction("FANCY"))
        var outcomes = FormulaOutcomes(count: values.count + 2)
        // Given out of order, as dependency order gives them; the last position never.
        for position in values.indices.reversed() { outcomes.set(.success(values[position]), at: position) }
        outcomes.set(.failure(reason), at: values.count)
        for position in values.indices {
            guard case .success(let value)? = outcomes[position] else {
                Issue.record("no value at \(position)")
                continue
            }
            #expect(PackedValuesTests.same(value, values[position]), "\(values[position])")
        }
        #expect(outcomes[values.count] == .failure(reason))
        #expect(outcomes[values.count + 1] == nil)
    }
}
