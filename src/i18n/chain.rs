//! The strings of the accountability chain (R5.5–R5.7): missed promises, waivers (不予通报批评),
//! what a criticism or a referral needs, and what a criticism notice says of each task.

use super::Lang;

catalogue! {
    Chn, chn;
    EntWaiver => "不予通报批评决定", "waiver";
    // Refusals of the store.
    ErrCriticismNeedsDocNo => "通报批评须填写文号", "a criticism needs its document number";
    ErrCriticismNeedsTask => "通报批评须列明至少一项涉及的事项", "a criticism must name at least one task";
    ErrNoPromise => "事项 {0} 截至 {1} 尚无书面说明和承诺时限，不属于应通报批评的情形（R5.6）", "task {0} has no written explanation with a promised date, so on {1} it is not due for a criticism (R5.6)";
    ErrPromiseAhead => "事项 {0} 承诺于 {2} 前完成，截至 {1} 尚未超过承诺时限（R5.6）", "task {0} promised to be done by {2}; on {1} that date has not passed (R5.6)";
    ErrAnsweredByCriticism => "事项 {0} 未兑现的承诺已由通报批评 #{2}（{3}）处理，{1} 不应再次通报（R5.6）", "task {0}'s missed promise was answered by criticism #{2} ({3}); on {1} it is not due again (R5.6)";
    ErrAnsweredByWaiver => "事项 {0} 未兑现的承诺已于 {3} 决定不予通报批评（#{2}），{1} 不应再次处理（R5.6）", "task {0}'s missed promise was waived on {3} (#{2}); on {1} it is not due again (R5.6)";
    ErrPromiseKept => "事项 {0} 已按承诺时限完成，截至 {1} 不属于应通报批评的情形（R5.6）", "task {0} was done by its promised date; on {1} it is not due for a criticism (R5.6)";
    ErrNotOverdue => "事项 {0} 截至 {1} 尚未超过办理时限，不能通报批评（R5.6）", "task {0} is not past its limit on {1}: it cannot be criticised (R5.6)";
    HintInsist => "；如确需通报，请勾选“坚持通报”并写明事由", "; to name it all the same, tick \"Insist\" and give the reason";
    HintForce => "；如确需通报，请加 --force 并用 --reason 写明理由", "; to name it all the same, add --force and give the reason with --reason";
    ErrInsistNeedsReason => "坚持通报未到应通报情形的事项，须写明理由", "naming a task that is not due for a criticism needs the reason";
    ErrWaiverNeedsReason => "不予通报批评须写明理由", "a decision not to criticise needs its reason";
    ErrNotReferralDue => "{0} 截至 {1} 不属于应移送监察的情形：一年内两次受到通报批评方可提请移送（R5.7）；近一年受批评 {2} 次，本年度 {3} 次", "{0} is not due for referral on {1}: a referral is proposed after two criticisms within one year (R5.7); criticisms in the last year: {2}, this calendar year: {3}";
    ErrReferralSettled => "{0} 截至 {1} 不属于应移送监察的情形：{2} 已作出移送决定（或决定不予移送），此前的通报批评已处理；此后受批评 {3} 次，此后一年内两次受到通报批评方可再次提请移送（R5.7）", "{0} is not due for referral on {1}: the referral decision of {2} settled the criticisms before it; {3} came after, and a new referral needs two criticisms within one year after it (R5.7)";
    ErrReferralOpen => "{0} 已有进行中的移送 #{1}（{2}），办结或决定不予移送前不能再次提请", "{0} already has referral #{1} in progress ({2}); another can be proposed once it is concluded or decided against";
    ErrReferralNeedsApproval => "请填写县政府同意移送的文号或意见", "give the county government's approval (its document number or opinion)";
    ErrReferralNeedsDecision => "请填写移送决定（文号或说明）", "give the referral decision (its number or a note)";
    ErrReferralNeedsOutcome => "请填写追责办理结果", "give the outcome";
    ErrReferralNeedsReason => "请写明不予移送的理由", "give the reason not to refer";
    ErrCriticisedLeadFixed => "事项 {0} 已以“{1}”为主办单位受到通报批评，主办单位不能更改", "task {0} was criticised as led by \"{1}\"; its lead unit cannot be changed";
    // The ledger, the detail pane and `task show`.
    Unanswered => "承诺时限 {0} 已过未兑现，尚未通报批评或决定不予通报（R5.6）", "promise of {0} missed: not yet criticised or waived (R5.6)";
    LblWaivers => "不予通报批评", "Waived criticisms";
    WaiverLine => "{0}：{1}", "{0}: {1}";
    NextWaiveOrCriticise => "下一步：承诺时限已过，c 通报批评，或 m 不予通报批评（R5.6）", "next: the promise was missed: c criticise, or m waive it (R5.6)";
    StepWaive => "不予通报批评 R5.6", "Waive the criticism R5.6";
    FInsist => "坚持通报", "Insist";
    FWaiverReason => "不予通报的理由", "Reason not to criticise";
    FProposalReason => "提请理由", "Reason for the proposal";
    FApproval => "县政府批准文号或意见", "County approval (no. or opinion)";
    FDecision => "移送决定（文号或说明）", "Referral decision (no. or note)";
    FOutcome => "追责办理结果", "Outcome";
    FNotReferReason => "不予移送的理由", "Reason not to refer";
    // What a criticism notice says of each task (R5.6): only what happened.
    FactMissed => "经书面说明并承诺限期完成后，仍未在承诺时限内完成（承诺{0}前完成）", "explained in writing with a promised date, and still not done by that date ({0})";
    FactAhead => "逾期未完成；已作书面说明，承诺于{0}前完成", "past its limit; explained in writing, promised by {0}";
    FactKept => "逾期后作书面说明，已按承诺于{0}前完成", "explained in writing after its limit and done by the promised date {0}";
    FactNoExplanation => "逾期未完成、未按要求作出书面说明", "past its limit and not done, with no written explanation as required";
    NoticeBodyMixed => "根据《关于加强县政府专题会议管理 切实提高行政执行力的意见》（永政办发〔2011〕62号）的规定，{0}承办的下列县政府专题会议议定事项未在规定时限内完成，各事项情况见下表。", "Under the opinion on the management of county government special-topic meetings (永政办发〔2011〕62号), the following tasks led by {0} were not done by their limit; what happened to each is set out in the table.";
}

impl Lang {
    /// R5.7: each step a referral took, dated, with what it was given ("2026-04-02 县政府已同意：…").
    pub fn referral_steps(self, r: &crate::domain::Referral) -> Vec<String> {
        use crate::domain::ReferralStatus as S;
        let steps = [
            (Some(r.proposed_on), S::Proposed, &r.proposal_reason),
            (r.approved_on, S::Approved, &r.approval),
            (r.referred_on, S::Referred, &r.decision),
            (r.concluded_on, S::Concluded, &r.outcome),
            (r.not_referred_on, S::NotReferred, &r.reason),
        ];
        steps
            .into_iter()
            .filter_map(|(on, status, text)| {
                let on = on?;
                Some(
                    match text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                        Some(t) => format!("{on} {}：{t}", self.referral(status)),
                        None => format!("{on} {}", self.referral(status)),
                    },
                )
            })
            .collect()
    }

    /// R5.7: why `unit` may not be proposed for referral on `on`: its criticisms within the
    /// year and what R5.7 needs, or the decision that settled its earlier criticisms and how
    /// many came after it.
    pub fn not_referral_due(
        self,
        unit: &str,
        on: chrono::NaiveDate,
        rolling_year: usize,
        calendar_year: usize,
        settled: Option<(chrono::NaiveDate, usize)>,
    ) -> String {
        match settled {
            Some((decided, since)) => {
                self.chn_fill(Chn::ErrReferralSettled, &[&unit, &on, &decided, &since])
            }
            None => self.chn_fill(
                Chn::ErrNotReferralDue,
                &[&unit, &on, &rolling_year, &calendar_year],
            ),
        }
    }

    /// A message of the chain with its placeholders filled.
    pub fn chn_fill(self, m: Chn, args: &[&dyn std::fmt::Display]) -> String {
        super::fill_template(self.chn(m), args)
    }

    /// What a criticism notice says of one task (R5.6): the words of the chain only for a
    /// promise that was missed; its date written by `date`.
    pub fn notice_fact(
        self,
        f: crate::domain::NoticeFact,
        date: &dyn Fn(chrono::NaiveDate) -> String,
    ) -> String {
        use crate::domain::NoticeFact;
        match f {
            NoticeFact::PromiseMissed(p) => self.chn_fill(Chn::FactMissed, &[&date(p)]),
            NoticeFact::PromiseAhead(p) => self.chn_fill(Chn::FactAhead, &[&date(p)]),
            NoticeFact::PromiseKept(p) => self.chn_fill(Chn::FactKept, &[&date(p)]),
            NoticeFact::NoExplanation => self.chn(Chn::FactNoExplanation).to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_of_the_chain_exists_in_both_languages_with_the_same_placeholders() {
        let placeholders = |s: &str| -> Vec<usize> {
            (0..6).filter(|i| s.contains(&format!("{{{i}}}"))).collect()
        };
        for &m in Chn::ALL {
            let (zh, en) = (Lang::Zh.chn(m), Lang::En.chn(m));
            assert!(!zh.is_empty() && !en.is_empty(), "{m:?}");
            assert_eq!(placeholders(zh), placeholders(en), "{m:?}");
        }
    }

    #[test]
    fn r5_6_only_a_missed_promise_is_worded_as_one() {
        use crate::domain::NoticeFact;
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 10).unwrap();
        let chain = "经书面说明并承诺限期完成后，仍未在承诺时限内完成";
        assert!(
            Lang::Zh
                .notice_fact(NoticeFact::PromiseMissed(d), &|d| d.to_string())
                .contains(chain)
        );
        for f in [
            NoticeFact::PromiseAhead(d),
            NoticeFact::PromiseKept(d),
            NoticeFact::NoExplanation,
        ] {
            assert!(
                !Lang::Zh.notice_fact(f, &|d| d.to_string()).contains(chain),
                "{f:?}"
            );
        }
        assert_eq!(
            Lang::Zh.notice_fact(NoticeFact::NoExplanation, &|d| d.to_string()),
            "逾期未完成、未按要求作出书面说明"
        );
    }

    #[test]
    fn r5_7_each_referral_step_is_shown_with_what_it_kept() {
        let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
        let r = crate::domain::Referral {
            id: 1,
            unit_id: 1,
            proposed_on: d("2026-04-01"),
            proposal_reason: None,
            approved_on: Some(d("2026-04-02")),
            approval: Some("县政府同意".into()),
            referred_on: None,
            decision: None,
            concluded_on: None,
            outcome: None,
            not_referred_on: Some(d("2026-04-03")),
            reason: Some("已整改".into()),
            version: 3,
        };
        assert_eq!(
            Lang::Zh.referral_steps(&r),
            [
                "2026-04-01 已提出",
                "2026-04-02 县政府已同意：县政府同意",
                "2026-04-03 决定不移送：已整改"
            ]
        );
    }
}
