/// Plan files the tests write, as text.
public enum PlanTexts {
    /// A plan named `name` paying `rate` (`5%`) of every deal's amount, one band of per-deal tiers,
    /// by `period`; a test adds its bonuses or rounding after it.
    public static func flat(_ name: String, period: String = "quarter", rate: String = "5%") -> String {
        """
        plan: \(name)
        period: \(period)
        commission:
          tiers:
            metric: amount
            basis: per_deal
            mode: marginal
            table:
              - { from: 0, rate: \(rate) }
        """
    }
}
