"""Non-answers score at most 20 however they are phrased; hedged answers with substance, and
short correct ones, keep their credit. Graded through the real `mock-interview grade --input`
command. Every question, point and answer here was written for this file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mock_interview.cli.app import app

QUESTIONS = {
    "pca": ("How do you respond when a patient on a morphine PCA becomes difficult to rouse?", [
        "Stop the PCA and assess airway, breathing, respiratory rate and oxygen saturation",
        "Give naloxone per protocol if respiratory depression is confirmed",
        "Call the prescriber or rapid response team and keep monitoring closely",
    ]),
    "accrual": ("How would you accrue an expense for services received but not yet invoiced "
                "at month end?", [
        "Debit the expense account and credit accrued liabilities",
        "Estimate the amount from the contract, purchase order or usage",
        "Reverse the accrual next period when the invoice arrives",
    ]),
    "price": ("How do you handle a prospect who says your product is too expensive?", [
        "Ask questions to find out what the price objection is really about",
        "Tie the price to the value and return the customer will get",
        "Offer options such as a smaller package or a phased rollout instead of discounting",
    ]),
    "thread": ("What is the difference between a process and a thread?", [
        "A process has its own memory address space while threads share their process's memory",
        "Threads are cheaper to create and switch between than processes",
        "Shared memory means threads need synchronisation such as locks to avoid race conditions",
    ]),
    "refund": ("How do you handle a customer who has been waiting a week for a refund?", [
        "Acknowledge the delay and apologise sincerely",
        "Check the refund status and find out what is blocking it",
        "Give a clear timeline and follow up until the refund arrives",
    ]),
    "overfit": ("What is overfitting and how do you detect it?", [
        "The model learns noise in the training data and fails to generalise",
        "Training accuracy is much higher than validation accuracy",
        "Cross-validation, regularisation or more data reduce it",
    ]),
    "turnover": ("How do you calculate inventory turnover?", [
        "Cost of goods sold divided by average inventory",
        "Average inventory is opening plus closing inventory divided by two",
        "A higher turnover means stock sells through faster",
    ]),
    "email": ("How would you measure the success of an email campaign?", [
        "Track open rate, click-through rate and conversion rate",
        "Compare against a control group or earlier campaigns",
        "Tie the results to revenue or the campaign's goal",
    ]),
    "manager": ("Tell me about a time you disagreed with your manager.", [
        "Describes the disagreement and why it mattered",
        "Explains how they raised it respectfully, with evidence",
        "States the outcome and what they learned",
    ]),
    "transfusion": ("What checks do you make before starting a blood transfusion?", [
        "Confirm patient identity with two identifiers at the bedside against the blood bag",
        "Check the blood group, unit number and expiry against the prescription",
        "Record baseline vital signs before starting and observe closely in the first 15 minutes",
    ]),
    "slow_query": ("Why might a SQL query that used to be fast suddenly become slow?", [
        "A missing or unused index forces a full table scan",
        "Stale statistics lead the planner to choose a bad plan",
        "Run EXPLAIN to inspect the query plan",
    ]),
    "default_arg": ("Why is a mutable default argument a problem in Python?", [
        "Defaults are evaluated once, at definition",
        "The same list is shared and mutated across calls",
        "Use None as the default and create the list inside the function",
    ]),
    "sepsis": ("What early signs of sepsis would you watch for in a patient?", [
        "Fever or low temperature, raised heart rate and fast breathing",
        "Low blood pressure, confusion or reduced urine output",
        "Escalate quickly and start the sepsis bundle: cultures, antibiotics, fluids",
    ]),
    "bank_rec": ("How do you do a bank reconciliation?", [
        "Compare the bank statement with the cash book line by line",
        "Adjust for outstanding cheques and deposits in transit",
        "Investigate and correct differences such as bank fees or errors",
    ]),
    "cold_call": ("How do you prepare for a cold call to a new prospect?", [
        "Research the prospect's company, role and likely pains",
        "Prepare a short opening that states the value and a question",
        "Have a clear next step to ask for, such as a meeting",
    ]),
    "outage": ("How do you communicate with customers during a service outage?", [
        "Acknowledge the problem quickly on a status page",
        "Give regular updates with what is known and when the next update comes",
        "Follow up after resolution with the cause and how it will be prevented",
    ]),
    "usability": ("How would you run a usability test for a new checkout flow?", [
        "Recruit about five representative users",
        "Give realistic tasks and watch them think aloud without helping",
        "Record where they struggle and prioritise fixes by severity",
    ]),
    "stockout": ("How would you reduce stockouts in a warehouse?", [
        "Set reorder points from demand and lead time plus safety stock",
        "Improve demand forecasting with sales history",
        "Monitor inventory levels and supplier lead times regularly",
    ]),
    "ab_test": ("How do you decide whether an A/B test result is significant?", [
        "Compute a p-value or confidence interval for the difference",
        "Fix the sample size in advance with a power calculation",
        "Avoid peeking and stopping early when the result looks good",
    ]),
    "warfarin": ("What do you counsel a patient starting warfarin about?", [
        "Regular INR blood tests to keep the dose in range",
        "Keep vitamin K intake from leafy greens steady",
        "Watch for bleeding and check before taking new medicines such as NSAIDs",
    ]),
    "team_conflict": ("Tell me about a time you handled a conflict in your team.", [
        "Describes the conflict and why it mattered",
        "Explains what they did to resolve it",
        "States the outcome and what they learned",
    ]),
}
BEHAVIORAL = {"manager", "team_conflict"}

NON_ANSWERS = [
    ("pca", "I'd have to check our unit's protocol on that, I can't remember the exact steps "
            "off the top of my head."),
    ("pca", "Gosh, it's been years since nursing school, I genuinely couldn't tell you."),
    ("pca", "We covered that in orientation I think, but it's all a blur now, sorry."),
    ("transfusion", "I'd need to double-check the hospital policy first, I wouldn't want to "
                    "guess on something like that."),
    ("transfusion", "Transfusions aren't really something I've done much of, so I'd rather "
                    "not say."),
    ("accrual", "Accruals are above my pay grade, ha. Our controller handles all of that, "
                "I just don't know."),
    ("accrual", "I'm drawing a complete blank on month-end stuff right now."),
    ("accrual", "I would need to look up the journal entry, I don't want to give you the "
                "wrong answer."),
    ("accrual", "Not my area really. I'd rather not guess."),
    ("price", "Hmm, I've never actually been in that situation, so I couldn't say."),
    ("price", "Pass, if that's alright."),
    ("price", "Next question please, I have nothing for this one."),
    ("price", "I honestly have no idea what I would say to them."),
    ("price", "Can I come back to that one? My mind just went completely blank."),
    ("thread", "I used to know this, it's on the tip of my tongue, but it's gone."),
    ("thread", "I'd google it, to be honest, I can't recall the difference."),
    ("thread", "Not a clue, I'm afraid. Never really had to think about it."),
    ("thread", "I'd prefer not to answer that one if it's all the same to you."),
    ("thread", "um, well, so, you know, basically, yeah"),
    ("thread", "asdkjh qwe zxcmnb lkjasd"),
    ("thread", "Lorem ipsum dolor sit amet, sed do eiusmod tempor incididunt ut labore."),
    ("refund", "That's something I'd have to ask my team lead about before I said anything."),
    ("refund", "I'm not really sure what I'd do there, to be honest with you."),
    ("refund", "I'd rather skip this one, it's not something I've dealt with."),
    ("refund", "No clue, sorry. I'm blanking."),
    ("overfit", "I can't remember, it's been a while since I studied any of that."),
    ("overfit", "I don't know off the top of my head, I'd have to read up on it."),
    ("overfit", "Hmm, I'm not confident enough to answer that one."),
    ("overfit", "Let me think... no, sorry, nothing."),
    ("turnover", "I wouldn't know where to start with that, honestly."),
    ("turnover", "I'd have to look up the formula again, I always mix these things up."),
    ("turnover", "It's been a long week, I'm just looking forward to the weekend, to be honest."),
    ("turnover", "The weather has been lovely lately, I went hiking on Saturday with my dog."),
    ("email", "I had a really nice sandwich for lunch today."),
    ("email", "Did you catch the football last night? What a game."),
    ("email", "Email isn't really my thing, I'd leave that to the marketing folks."),
    ("email", "blah blah blah, something something, whatever"),
    ("email", "How would you measure the success of an email campaign? Hmm, how would I "
              "measure it, yes, good question."),
    ("email", "Haha good one. No idea."),
    ("manager", "I can't think of a time that happened, I usually get along with everyone."),
    ("manager", "I'd rather not talk about my old manager, if that's okay."),
    ("manager", "Nothing comes to mind right now, sorry, maybe ask me something else."),
    ("manager", "yeah yeah, so, like, hmm, well, anyway"),
    ("refund", "I would have to check with my manager first, I couldn't say for sure."),
    ("refund", "Skip."),
    ("price", "I'll have to pass on that, I'm afraid I'm not the right person to ask."),
    ("price", "Let's move on to the next one, shall we?"),
    ("thread", "I'm not going to lie, I have absolutely no clue about that."),
    ("overfit", "Sorry, I can't answer that, it's over my head."),
    ("transfusion", "I'm not comfortable answering that one."),
    ("accrual", "That's outside my experience, I'm afraid."),
    ("turnover", "Ugh, I knew this last week. Can't remember now."),
    ("turnover", "Don't ask me, I'm hopeless with numbers, ha."),
    ("email", "Good question! I genuinely don't have an answer for you."),
    ("overfit", "I'd probably need to do some research first before I could answer that properly."),
    ("pca", "No idea. Sorry, I know I should know this one."),
    ("transfusion", "", ),
    # About the speaker, not the subject: the subject's word is only what they have not done.
    ("thread", "I've only heard of threads, never written anything that used them."),
    ("accrual", "I haven't really dealt with accruals, so I couldn't say."),
    ("email", "I'm more of a social media person, email campaigns aren't my thing."),
    ("price", "Discounts are above my pay grade, I'd hand that to my manager."),
    ("overfit", "Overfitting? Not really my area, it's on my reading list though."),
    # Deferrals that name whom or what they would consult, refusals with a reason, jokes that
    # echo the topic, "can't think of one" with an excuse.
    ("turnover", "I'd have to dig out my old accounting notes for that one, it's been a while."),
    ("overfit", "I'd have to pull up my course slides, I don't remember how you spot it."),
    ("transfusion", "I'd need to reread the trust's transfusion policy before I said anything."),
    ("accrual", "I'd ask our finance manager. She sorts out all the month-end journals."),
    ("price", "I'd leave pricing conversations to my sales director, honestly."),
    ("refund", "Refunds, ugh. Our billing team looks after all of that, so I wouldn't know."),
    ("email", "I usually let the marketing platform work all that out for me."),
    ("thread", "Process, thread... I always mix up which is which, sorry."),
    ("thread", "Threads? Ha, the only threads I know are on my jumper. Next."),
    ("turnover", "Inventory turnover? Ha, the only thing turning over in our warehouse is the "
                 "staff."),
    ("overfit", "Overfitting! Love that word. Couldn't tell you what it means though."),
    ("accrual", "Lol, accruals. Our auditors would have my head if I guessed."),
    ("transfusion", "Blood transfusions, wow. Big topic. Anyway, how's your day going?"),
    ("price", "Pricing? Not going there. Next question."),
    ("manager", "Honestly I can't think of one, my managers and I have always seen eye to eye."),
    ("manager", "I'd prefer not to get into that, it was a sensitive situation with HR."),
    ("email", "I couldn't tell you, I've never had to run an email campaign myself."),
    ("overfit", "I'd probably just ask ChatGPT, to be honest."),
]

SUBSTANTIVE = [
    ("pca", "I'm not completely sure of the exact order, but I'd stop the PCA, check his "
            "breathing and sats, and give naloxone if his respiratory rate is low."),
    ("pca", "I'd have to double-check the dose, but naloxone reverses the opioid, and I'd call "
            "the rapid response team."),
    ("pca", "Stop the pump and check airway and breathing."),
    ("accrual", "I can't remember the account names exactly, but you debit the expense and "
                "credit an accrued liability, then reverse it next month."),
    ("accrual", "Debit expense, credit accrued liabilities, reverse when the invoice comes."),
    ("price", "Honestly I'd ask what they're comparing us to, then show the return they get "
              "for the price."),
    ("price", "I'm not sure it's the best way, but I'd offer a smaller starter package "
              "instead of a discount."),
    ("thread", "Processes have separate memory; threads share memory inside one process."),
    ("thread", "I don't know the textbook definition, but threads are lighter and share the "
               "process's memory, so you need locks."),
    ("refund", "I'd apologise for the delay, check where the refund is stuck, and give them "
               "a date."),
    ("refund", "I'd check the refund status."),
    ("accrual", "I haven't used NetSuite, but you debit the expense and credit accrued "
                "liabilities, then reverse it when the invoice arrives."),
    ("thread", "I've only heard of green threads, but OS threads share their process's memory "
               "and processes don't."),
    ("refund", "I can't recall the exact script, but the point is to acknowledge the delay, "
               "apologise, and follow up until the money arrives."),
    ("overfit", "Not totally sure, but I think it's when the model memorises training noise, "
                "so validation accuracy drops while training accuracy stays high."),
    ("overfit", "Don't quote me on this, but it shows up when training accuracy is far above "
                "validation accuracy; cross-validation helps catch it."),
    ("turnover", "COGS divided by average inventory."),
    ("turnover", "Off the top of my head: cost of goods sold over average inventory, where the "
                 "average is opening plus closing over two."),
    ("email", "Open rate, click rate, and conversions compared with past campaigns."),
    ("email", "I'd look at the open rate and the click-through rate."),
    ("transfusion", "I'm a bit rusty, but two nurses check the patient's ID band against the "
                    "bag, the unit number and expiry, and I take baseline obs first."),
    ("manager", "I disagreed with my manager about skipping code review before a release. I "
                "showed her the bug data from the last two releases, and we agreed to keep "
                "reviews; that release went out with no hotfixes."),
    # A deferral, a joke or a pass next to substance: the substance is the answer.
    ("turnover", "Ha, the classic one: cost of goods sold divided by average inventory."),
    ("refund", "I'd have to check with billing, but first I'd apologise and give the customer a "
               "clear date."),
    ("accrual", "I'd need to check the exact accounts, it's a debit to the expense and a credit "
                "to accrued liabilities."),
    ("overfit", "Can't recall the exact term, but when validation loss rises while training "
                "loss keeps falling, the model is memorising noise."),
    ("price", "I'd ask my manager about discount limits, but I'd start by asking what the "
              "price is being compared to."),
    ("thread", "Not sure which is faster to create, but threads share memory and processes "
               "don't."),
    ("email", "Lol, open rate and click-through rate, then conversions against a control group."),
    ("pca", "I'd call the rapid response team and give naloxone, I'd have to check the exact "
            "dose."),
    ("turnover", "I'd have to check my notes, it's COGS over average inventory I think."),
    ("accrual", "I'd have to look at the PO, then book it as an accrued liability."),
    ("thread", "Ha, easy: use a mutex so only one thread writes at a time."),
    ("email", "I'd ask our analytics team for the open rate and click-through rate."),
    ("pca", "I'd ask my charge nurse to help while I stop the PCA and check his breathing."),
    ("thread", "Can't answer in depth: threads share memory."),
    ("manager", "I can't think of a dramatic one. Last year my manager wanted to skip code "
                "review; I showed her the bug data and we kept reviews."),
]


def _grade_all(tmp_path: Path, cases: list[tuple[str, str]]) -> list[dict]:
    source = tmp_path / "items.jsonl"
    lines = []
    for index, (topic, answer) in enumerate(cases):
        question, points = QUESTIONS[topic]
        lines.append(json.dumps({"id": str(index), "question": question, "key_points": points,
                                 "answer": answer,
                                 "kind": "behavioral" if topic in BEHAVIORAL else "technical"}))
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["grade", "--input", str(source), "--engine", "offline"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], list[dict]]:
    folder = tmp_path_factory.mktemp("non-answers")
    return _grade_all(folder, NON_ANSWERS), _grade_all(folder, SUBSTANTIVE)


# (kind, topic, answer): non-answers of kinds that phrase lists of "don't know" miss.
DODGES_IN_OTHER_WORDS = [
    ("joke", "slow_query", "Ha, if I knew that I'd be the CTO already!"),
    ("joke", "default_arg", "Ha, if I knew that I'd be running the Python team by now."),
    ("joke", "sepsis", "Honestly, if I knew that I'd be a doctor, not a nurse!"),
    ("joke", "bank_rec", "Lol, if I could reconcile anything I'd start with my own bank account."),
    ("joke", "outage", "Easy: blame the intern and unplug the router, ha!"),
    ("joke", "stockout", "Easy, we'd just hide the empty shelves, kidding!"),
    ("joke", "team_conflict", "Conflict? In my team? Never, we're all angels, haha."),
    ("asks back", "slow_query", "Why do you ask? What would you do?"),
    ("asks back", "default_arg", "Can we come back to this one?"),
    ("asks back", "sepsis", "Could you repeat the question please?"),
    ("asks back", "bank_rec", "Why do you want to know? Is this a trick question?"),
    ("asks back", "cold_call", "Could you rephrase the question?"),
    ("asks back", "outage", "Can you give me a hint?"),
    ("asks back", "stockout", "Is there a right answer to that?"),
    ("asks back", "usability", "Is this about mobile or desktop? What would you prefer?"),
    ("asks back", "ab_test", "What would you consider significant?"),
    ("asks back", "warfarin", "Sorry, could you say the drug name again?"),
    ("guess", "ab_test", "Hmm, possibly something with the numbers? Guessing though."),
    ("oneself", "warfarin", "I love working with patients, it's the best part of the job."),
    ("joke", "warfarin", "Ha, tell them to stay away from sharp objects, kidding."),
    ("guess", "slow_query", "Maybe it's something to do with the settings? I'm just guessing here."),
    ("guess", "default_arg", "Something with how Python works maybe? I'm just guessing."),
    ("guess", "sepsis", "Probably something with the vital signs, I guess? Just a guess."),
    ("guess", "outage", "Hmm, maybe send an email or something? I'm just guessing here honestly."),
    ("guess", "stockout", "Possibly something with the system, I'd guess."),
    ("guess", "bank_rec", "I'm guessing you'd look at the numbers somehow? Wild guess."),
    ("oneself", "slow_query", "It's been such a long day, I'm really tired and my coffee went cold."),
    ("oneself", "sepsis", "I love my job, I've always wanted to be a nurse since I was little."),
    ("oneself", "sepsis", "Nursing has always been my calling, I care deeply about my patients."),
    ("oneself", "outage", "Customer happiness is what drives me, it always has."),
    ("oneself", "usability", "I'm really passionate about design and I love good products."),
    ("oneself", "bank_rec", "I've been in accounting for ten years and I really enjoy it."),
    ("ramble", "slow_query", "So basically there are a lot of factors, and it's important to think "
                            "about all of them carefully and make the right call at the end of "
                            "the day."),
    ("ramble", "outage", "I think communication is really important in general, it's all about "
                         "being a good communicator and keeping everyone happy."),
    ("ramble", "usability", "Well it's a really important thing to get right, and there are many "
                            "ways to approach it, and you have to be thoughtful."),
    ("ramble", "sepsis", "You always have to be on the ball and use your best judgement and do "
                         "what's best for the patient at the end of the day."),
    ("ramble", "cold_call", "It's all about confidence and being yourself and believing in what "
                            "you do."),
    ("ramble", "stockout", "You need to stay on top of things and be proactive and work smart, "
                           "basically."),
    ("look up", "default_arg", "I'd have to Google it."),
    ("look up", "usability", "I'd look it up on Stack Overflow."),
    ("look up", "stockout", "I'd probably ask ChatGPT."),
    ("pass", "sepsis", "I'll pass on this one."),
    ("pass", "cold_call", "Pass on this one, please."),
    ("pass", "outage", "I'd rather leave that one."),
    ("aside", "slow_query", "A slow query reminds me of my dad's old car: it gets there "
                            "eventually, and we still laugh about it."),
    ("aside", "refund", "Refunds at my house take a week too, my kids never hand back the "
                        "pocket money."),
    ("aside", "stockout", "A stockout sounds like my fridge on a Sunday night, honestly."),
    ("aside", "outage", "Our worst outage was on my sister's wedding day, believe it or not; I "
                        "was on the phone all through the speeches."),
    ("aside", "turnover", "Inventory turnover makes me think of my grandmother's pantry: nothing "
                          "ever left it."),
    ("aside", "bank_rec", "Reconciliation day at my old firm meant donuts in the break room and "
                          "far too much coffee. Good times."),
    ("weak", "transfusion", "Transfusions are so important to get right. Our blood bank is "
                            "downstairs and the porters bring the bag up."),
    ("weak", "turnover", "Turnover is one of the most important numbers in retail. Our stores "
                         "count inventory twice a year."),
    ("premise", "ab_test", "We never needed a significance test, honestly. Our A/B tests were so "
                           "small that the winner was obvious."),
    ("premise", "slow_query", "Slow queries never happened on our app. The tables were tiny, so "
                              "every query plan was fast."),
    ("asks back", "refund", "Refunds, don't get me started. Anyway, how big is the support team "
                            "here?"),
    ("aside", "email", "Email campaigns remind me of my mom: she opens every message and clicks "
                       "every link twice."),
    ("portrait", "team_conflict", "I'm really good with people, honestly, so my teams have never "
                                  "really had conflicts. People just like working with me."),
    ("misheard", "email", "Did you say an email migration? We tracked the share of mailboxes "
                          "moved each night against the plan and compared the error rate with "
                          "the earlier pilot."),
    ("misheard", "refund", "Refund, oh, did you say a return? Returns go back to the "
                           "warehouse, we check the item and the status, and the customer gets "
                           "a timeline for the replacement."),
    ("other topic", "thread", "Garbage collection is what I know best. The collector walks the "
                              "memory from the roots, and threads are paused while it compacts "
                              "the heap."),
    ("other topic", "accrual", "What I focus on is payroll tax: you estimate the employer's "
                               "share from the payroll run, book it to the liability account "
                               "and clear it when the deposit goes out."),
    ("other topic", "bank_rec", "The one I deal with more is the intercompany reconciliation. "
                                "Each entity's balance with the others is compared line by line "
                                "and differences are investigated before close."),
    ("other topic", "overfit", "Data leakage is what I run into. A feature computed with the "
                               "label, or a scaler fitted on validation data, makes validation "
                               "accuracy look much higher than it really is."),
    ("other topic", "stockout", "I watch shrinkage more. We compare system stock with cycle "
                                "counts every week and investigate any difference in the "
                                "high-volume locations."),
    ("joke", "slow_query", "Step one, delete half the tables and see if anyone notices. "
                           "Joking, of course, though a query that was fast and then slowed down "
                           "is what every database ends up with eventually."),
    ("joke", "transfusion", "Step one, skip the paperwork and hang the bag. Joking, of course, "
                            "though the checks before a transfusion do take longer than the "
                            "transfusion itself sometimes."),
    ("blank", "manager", "Well, there was the time I convinced my manager to buy a better "
                         "coffee machine; you'd be amazed what it did for the team! But "
                         "seriously, I'd need a minute to think of a proper example."),
    ("asks back", "manager", "Things are much easier these days with shared docs. When I "
                             "started we sent everything by fax. Do you use Confluence here?"),
    ("hand-off", "cold_call", "That's a bit above my pay grade, I think. Someone more senior "
                              "would normally handle cold calls and prospects."),
    ("inexperience", "bank_rec", "My previous company didn't really do it that way, so I haven't "
                                 "had much exposure to bank reconciliations. I'm sure I could "
                                 "learn it on the job."),
    ("credentials", "sepsis", "As you'll see on my resume, I have eight years on medical wards "
                              "and a strong track record, so I'm confident I can handle sepsis."),
    ("preamble", "manager", "Before I answer, let me tell you a bit about my background. I "
                            "started out in retail, then moved into an office role, and I've "
                            "been growing ever since."),
    ("buzzwords", "turnover", "It's about fostering lean, demand-driven inventory practices "
                              "that fuel velocity and time-to-value across the network."),
    ("blank", "refund", "Honestly, I'm not sure. I haven't had to deal with a delayed refund "
                        "for a waiting customer myself, because in my team billing checks the "
                        "status and follows up on every refund, so I don't really know what "
                        "I'd do there."),
    ("blank", "manager", "I can't really think of one, to be honest. My manager and I mostly "
                         "agreed, or the disagreements weren't the kind where you could say it "
                         "mattered or how it was raised, so I don't have a good example for "
                         "that."),
    ("ramble", "overfit", "Overfitting, right, the model fits, it fits too much, to the "
                          "training. Let me put it another way. The data and the model don't "
                          "agree, and validation is where it shows up, sort of. It depends on "
                          "the model and the data you have."),
]

# (kind, topic, answer): short answers phrased like those non-answers, with a real claim.
GENUINE_IN_SIMILAR_WORDS = [
    ("cleft", "bank_rec", "The check I rely on most is to compare the bank statement with the "
                          "cash book line by line, then adjust for deposits in transit."),
    ("cleft", "turnover", "The figure I look at first is cost of goods sold divided by average "
                          "inventory."),
    ("hedge", "slow_query", "Maybe the index is missing \u2014 I'd check EXPLAIN first."),
    ("hedge", "slow_query", "Maybe it's the index? Just guessing."),
    ("guess", "slow_query", "I'm guessing it's the index."),
    ("guess", "slow_query", "Best guess: stale statistics."),
    ("guess", "default_arg", "Total guess, but the list is shared between calls?"),
    ("guess", "usability", "Shot in the dark, but five users and think-aloud tasks?"),
    ("guess", "bank_rec", "I'm guessing here, but deposits in transit and bank fees explain most "
                          "differences."),
    ("asks back", "default_arg", "Good question \u2014 it's because defaults are evaluated once, "
                                 "at definition."),
    ("asks back", "slow_query", "Why do you ask? In my experience it's nearly always a missing "
                                "index."),
    ("asks back", "slow_query", "What would I do? Run EXPLAIN and look for a sequential scan."),
    ("asks back", "sepsis", "Could you repeat the question? If it's early signs, then fever, "
                            "tachycardia and fast breathing."),
    ("asks back", "usability", "Why five users? Because five usually find most problems. I'd give "
                               "them tasks and watch them think aloud."),
    ("joke", "slow_query", "Ha, if I knew that I'd be the CTO! Seriously though, I'd run EXPLAIN "
                           "and look for a full table scan."),
    ("joke", "default_arg", "Ha, classic trap: the list is created once and shared between calls."),
    ("joke", "bank_rec", "Lol, my favourite job: tick off each line against the cash book, then "
                         "chase the differences."),
    ("joke", "outage", "Haha, the dreaded outage. We post a status page update within minutes "
                       "and commit to the next update time."),
    ("joke", "team_conflict", "Ha, plenty! Once two nurses clashed over shift swaps; I set up a "
                              "rota board and the complaints stopped."),
    ("oneself", "default_arg", "I love this one: defaults are evaluated once, so the list is "
                               "shared."),
    ("oneself", "sepsis", "I care about catching it early: high heart rate, fever and confusion."),
    ("oneself", "cold_call", "Honestly I love this part: I research their company and prepare a "
                             "short opener."),
    ("oneself", "team_conflict", "I love my team, but once two engineers fell out over on-call. "
                                 "I rebalanced the rota and it stopped."),
    ("stock phrase", "slow_query", "At the end of the day it's usually a missing index."),
    ("stock phrase", "sepsis", "Use your judgement, but a raised heart rate and fast breathing "
                               "are early signs."),
    ("stock phrase", "sepsis", "Attention to detail matters: watch the temperature and urine "
                               "output."),
    ("stock phrase", "outage", "It's all about regular updates on the status page."),
    ("stock phrase", "stockout", "Stay on top of things: set reorder points and keep safety "
                                 "stock."),
    ("stock phrase", "stockout", "There are many factors, but mainly lead time, demand and "
                                 "safety stock."),
    ("look up", "stockout", "I'd Google the formula, but basically reorder point is demand over "
                            "lead time plus safety stock."),
    ("look up", "slow_query", "I'd Google the error, but first I'd run EXPLAIN on the query."),
    ("short", "sepsis", "Confusion and low blood pressure."),
    ("asks back", "ab_test", "What would I check? The confidence interval for the difference, "
                             "and whether we hit the planned sample size."),
    ("guess", "ab_test", "Just a guess, but a p-value under 0.05?"),
    ("hedge", "warfarin", "Maybe vitamin K foods? Keep them steady."),
    ("oneself", "warfarin", "I love my patients, so I explain INR tests and bleeding signs."),
    ("short", "usability", "Get five real users, give them realistic tasks and watch without "
                           "helping."),
    ("aside", "stockout", "My kids ask me this too! Set a reorder point from demand over the "
                          "lead time, plus safety stock."),
    ("aside", "slow_query", "True story, this was my first week: no index, so EXPLAIN showed a "
                            "sequential scan and I added one."),
    ("aside", "outage", "Ha, my pet peeve is silence. Post on the status page within minutes "
                        "and say when the next update comes."),
    ("stock phrase", "turnover", "The key is cost of sales over the average stock you held."),
    ("stock phrase", "transfusion", "It's crucial: two identifiers at the bedside, then check "
                                    "the unit number and expiry against the prescription."),
    ("premise", "stockout", "Stockouts never happened to us because we set reorder points from "
                            "lead-time demand plus safety stock."),
    ("premise", "slow_query", "It never happened to me, but I'd run EXPLAIN and look for a "
                              "missing index or stale statistics."),
    ("clarifies", "default_arg", "Oh, you mean the default list? It's evaluated once, at "
                                 "definition, so every call shares and mutates the same list."),
    ("restarts", "turnover", "Let me put it differently: cost of goods sold divided by the "
                             "average of opening and closing inventory."),
    ("admits", "default_arg", "I'm not sure of the exact wording, but defaults are evaluated "
                              "once, at definition, so every call shares the same list. I don't "
                              "know if that changed in newer versions."),
    ("checks back", "manager", "My manager wanted to cut the pilot and I showed her the error "
                               "data, so we kept it and errors fell by half. Does that answer "
                               "your question?"),
    ("favourite", "slow_query", "EXPLAIN is what I reach for first: a sequential scan where "
                                "there used to be an index scan means a missing index."),
]


@pytest.fixture(scope="module")
def graded_kinds(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], list[dict]]:
    folder = tmp_path_factory.mktemp("other-words")
    return (_grade_all(folder, [(topic, answer) for _, topic, answer in DODGES_IN_OTHER_WORDS]),
            _grade_all(folder, [(topic, answer) for _, topic, answer in
                                GENUINE_IN_SIMILAR_WORDS]))


@pytest.mark.parametrize("index", range(len(DODGES_IN_OTHER_WORDS)))
def test_a_joke_a_question_back_a_guess_or_a_platitude_scores_at_most_20(graded_kinds,
                                                                          index: int) -> None:
    result = graded_kinds[0][index]
    assert result["overall"] <= 20 and result["technical"] <= 20, (
        DODGES_IN_OTHER_WORDS[index], result)


@pytest.mark.parametrize("index", range(len(GENUINE_IN_SIMILAR_WORDS)))
def test_a_short_answer_phrased_like_a_dodge_is_not_floored(graded_kinds, index: int) -> None:
    result = graded_kinds[1][index]
    assert result["technical"] > 20 and result["overall"] > 20, (
        GENUINE_IN_SIMILAR_WORDS[index], result)
    assert not {"dont-know", "off-topic", "copied-question"} & set(result["flags"])


@pytest.mark.parametrize("index", range(len(NON_ANSWERS)))
def test_a_non_answer_scores_at_most_20(graded, index: int) -> None:
    result = graded[0][index]
    assert result["overall"] <= 20 and result["technical"] <= 20, (NON_ANSWERS[index], result)


@pytest.mark.parametrize("index", range(len(SUBSTANTIVE)))
def test_a_hedged_or_short_answer_with_substance_keeps_its_credit(graded, index: int) -> None:
    result = graded[1][index]
    assert result["technical"] > 20 and result["overall"] > 20, (SUBSTANTIVE[index], result)
    assert "dont-know" not in result["flags"] and "off-topic" not in result["flags"]


# ---- follow-ups -------------------------------------------------------------------------

STORY = ("At my last job our support queue doubled in a month. I was responsible for the "
         "triage rota, so I set up a tagging scheme and paired new agents with seniors.")
FOLLOW_UP_DODGES = [
    "I don't remember, it was ages ago, sorry.",
    "Hmm, I'd have to check my old notes on that.",
    "I'd rather not say.",
    "No idea, I left not long after.",
    "The weather has been lovely lately, I went hiking on Saturday with my dog.",
    "um, well, so, you know, basically, yeah",
    "Ha, if I knew that I'd be the CEO by now!",
    "Ha, it went great, obviously, we're all geniuses.",
    "Why do you ask? What would you have done?",
    "Maybe it went okay? I'm just guessing here.",
    "At the end of the day you have to stay on top of things and use your best judgement.",
]
FOLLOW_UP_ANSWERS = [
    "Waiting times fell from two days to six hours within three weeks.",
    "Ha, complaints halved in three weeks.",
    "Lol, we cleared the backlog in a fortnight.",
    "I'm guessing here, but the backlog was gone within a month.",
    "We cut the wait by about a third, don't quote me.",
    "I'm not sure of the exact figure, but waiting times roughly halved and we kept the rota.",
    "Honestly I don't remember the numbers, but complaints dropped and new agents ramped up "
    "faster.",
    "It worked: we cleared the backlog in a fortnight.",
]


def _follow_up(answer: str):
    from mock_interview.domain.grading import GradingInput, follow_up_rubric, grade_answer

    points, part = follow_up_rubric("missing-star:result", [], ["Describes the queue problem"])
    return grade_answer(GradingInput("What was the outcome?", "follow-up", points, answer,
                                     context_answer=STORY, star_part=part))


@pytest.mark.parametrize("answer", FOLLOW_UP_DODGES)
def test_a_non_answer_to_a_follow_up_scores_at_most_20(answer: str) -> None:
    result = _follow_up(answer)
    assert result.overall <= 20 and result.technical <= 20, (answer, result.flags)


@pytest.mark.parametrize("answer", FOLLOW_UP_ANSWERS)
def test_a_follow_up_answer_told_in_its_own_words_keeps_its_credit(answer: str) -> None:
    result = _follow_up(answer)
    assert result.overall > 20 and not {"dont-know", "off-topic"} & set(result.flags), result


def test_a_non_answer_gets_no_praise_and_says_why(graded) -> None:
    dodge = graded[0][NON_ANSWERS.index(("price", "Pass, if that's alright."))]
    chatter = graded[0][NON_ANSWERS.index(
        ("email", "I had a really nice sandwich for lunch today."))]
    assert dodge["flags"] == ["dont-know"] and not dodge["feedback"]["strengths"]
    assert chatter["flags"] == ["off-topic"]
    assert "Off topic" in chatter["feedback"]["weaknesses"][0]


@pytest.mark.parametrize("question, point, answer", [
    ("How would you summarise sales by region in Excel?",
     "Use a PivotTable with region as rows and sales summed as values", "I'd use a pivot table."),
    ("How do you handle an angry customer?", "Acknowledge the frustration and apologise",
     "Honestly I'd just listen first and say sorry."),
    ("How do you keep a handover safe?", "Use a structured checklist such as SBAR",
     "I'd go through a check list with the next nurse."),
])
def test_a_short_answer_in_other_words_is_not_floored(question, point, answer):
    """A compound written apart ("pivot table" for "PivotTable") and a courtesy word that is
    what the point asks for ("sorry" for "apologise") make a claim, not a non-answer."""
    from mock_interview.domain.grading import GradingInput, grade_answer

    result = grade_answer(GradingInput(question, "technical", [point], answer))
    assert not {"dont-know", "off-topic"} & set(result.flags), result.flags
    assert result.overall > 20


# ---- talk that uses none of a spelled-out rubric's words ----------------------------------

ROTA_QUESTION = "How do you build a fair on-call rota for a small team?"
ROTA_POINTS = [
    "Shifts rotate weekly so that no one carries nights or weekends twice in a row",
    "Handovers include open incidents and a written summary of what changed",
    "People get time off in lieu after a night with pages",
]


def _technical_grade(question: str, points: list[str], answer: str):
    from mock_interview.domain.grading import GradingInput, grade_answer

    return grade_answer(GradingInput(question, "technical", points, answer, (40, 220)))


@pytest.mark.parametrize("answer", [
    "On-call rotas, huh? My brother is a firefighter and his team has a great one.",
    "A fair rota for a small team is something I care about a lot, honestly.",
    "What does your team do for on-call at the moment?",
    "I remember our team lead used to build it, we all just trusted her.",
])
def test_talk_that_uses_no_word_of_a_spelled_out_rubric_says_nothing(answer: str) -> None:
    result = _technical_grade(ROTA_QUESTION, ROTA_POINTS, answer)
    assert result.overall <= 20 and result.technical <= 20, (answer, result.overall)


@pytest.mark.parametrize("answer", [
    "I rotate it weekly so nobody does two weekends in a row.",
    "We write a handover with the open incidents before each swap.",
    "You give people a day in lieu after a night of pages.",
])
def test_a_short_answer_with_one_rubric_word_of_its_own_is_read(answer: str) -> None:
    result = _technical_grade(ROTA_QUESTION, ROTA_POINTS, answer)
    assert result.overall > 20 and "dont-know" not in result.flags, (answer, result.overall)


def test_a_single_reference_leaves_other_words_to_coverage() -> None:
    """One reference sentence does not spell the subject out: an answer may be right in
    words none of it uses."""
    result = _technical_grade("What does a compiler's inline expansion do?",
                              ["It replaces a function call with the body of the function"],
                              "You paste the routine's code where it is invoked, so we skip the jump.")
    assert "dont-know" not in result.flags and result.technical > 20


def test_a_point_opening_with_a_noun_that_reads_like_a_verb_still_spells_the_subject_out(
) -> None:
    """"Credits increase liabilities" states what to say; it does not describe the answer
    as "Credits others fairly" would."""
    result = _technical_grade(
        "How do debits and credits work in a ledger?",
        ["Debits increase assets and expenses", "Credits increase liabilities, equity and revenue",
         "Every entry has equal debits and credits"],
        "My first week I spilled tea over the debits and credits printout, and I've been careful "
        "with it ever since.")
    assert result.overall <= 20 and result.technical <= 20, result.overall


def test_a_rubric_that_describes_the_answer_does_not_spell_the_subject_out() -> None:
    """"Names a concrete project" says what an answer does, not its words: a thin answer in
    words of its own is read."""
    result = _technical_grade("How have you used Python in a real project?",
                              ["Names a concrete Python project", "Explains the trade-offs",
                               "Gives a measurable result"],
                              "I used Python on a project once and our checkout got faster after a while.")
    assert "dont-know" not in result.flags and result.overall > 20


@pytest.mark.parametrize("answer", [
    "Handovers? Ha, I always forget those. Anyway, what is the team like here?",
    "Nights are the worst, right? Anyway, what does the team do at the moment?",
    "Weekends are sacred to me, so I'd probably leave the rota to the manager.",
])
def test_a_remark_naming_a_rubric_word_in_passing_says_nothing(answer: str) -> None:
    result = _technical_grade(ROTA_QUESTION, ROTA_POINTS, answer)
    assert result.overall <= 20 and result.technical <= 20, (answer, result.overall)


CONFLICT_QUESTION = "Tell me about a time you disagreed with a colleague about priorities."
CONFLICT_POINTS = [
    "Describes a specific disagreement and what was at stake",
    "Explains how they listened and made their case with evidence",
    "States how it was resolved and what changed afterwards",
]


def _story_grade(answer: str):
    from mock_interview.domain.grading import GradingInput, grade_answer

    return grade_answer(GradingInput(CONFLICT_QUESTION, "behavioral", CONFLICT_POINTS, answer,
                                     (60, 260), star=True))


# What a story question gets instead of a story: a remark, or a story of others.
STORIES_THAT_SAY_NOTHING = [
    ("remark", "Disagreements, ugh. We all have those, don't we? Anyway."),
    ("remark", "Honestly, I get along with everyone, I'm a real people person and a team player."),
    ("remark", "Priorities change all the time where I work, so who knows. What does a typical "
               "week look like here?"),
    ("others", "At my last job our director and the VP argued every Monday while the rest of us "
               "ordered lunch."),
    ("others", "My sister once disagreed with her boss about a deadline and they never spoke "
               "again, which taught the whole family something."),
]
# Short stories in words of their own, told in sentences or as notes.
STORIES_THAT_ARE_READ = [
    ("sentences", "A teammate wanted the redesign first; I thought the billing bug mattered more. "
                  "We looked at the support tickets together, fixed the bug first, and complaints "
                  "halved."),
    ("sentences", "Sales pushed a custom report ahead of our migration. I showed them the outage "
                  "risk, we agreed to ship the migration first, then the report a sprint later."),
    ("notes", "Product wanted the export first, I thought the login bug mattered more, showed them "
              "the ticket counts, agreed to fix the bug that sprint."),
    ("notes", "Disagreed with design on the checkout order; paired on it, then tested both versions "
              "with five users and kept theirs."),
]


@pytest.mark.parametrize(("kind", "answer"), STORIES_THAT_SAY_NOTHING)
def test_a_remark_or_a_story_of_others_instead_of_ones_own_says_nothing(kind, answer) -> None:
    result = _story_grade(answer)
    assert result.overall <= 20 and result.technical <= 20, (kind, answer, result.overall)


@pytest.mark.parametrize(("kind", "answer"), STORIES_THAT_ARE_READ)
def test_a_short_story_in_its_own_words_is_read(kind, answer) -> None:
    result = _story_grade(answer)
    assert result.overall > 20 and "dont-know" not in result.flags, (kind, answer, result.overall)


@pytest.mark.parametrize("answer", [
    "Our ops manager always handled the rota at my last job, so I never had to think about "
    "nights myself. Do you have someone like that here?",
    "Funny story, my first team had a rota on a whiteboard and someone kept drawing cats on it. "
    "I'd probably just ask what you do here.",
    "I'm very organised and a real team player, so whatever rota we had, I'd make sure my "
    "weekends were covered and I'd always help out.",
])
def test_talk_about_oneself_that_drops_a_topic_word_says_nothing(answer: str) -> None:
    result = _technical_grade(ROTA_QUESTION, ROTA_POINTS, answer)
    assert result.overall <= 20 and result.technical <= 20, (answer, result.overall)


@pytest.mark.parametrize("answer", [
    "I'd rotate it every week so nobody gets nights or weekends twice running, and I'd give a "
    "day off after a night with pages.",
    "We wrote a handover note at every swap with the open incidents, and you got time in lieu "
    "after a paged night.",
])
def test_a_first_person_answer_on_the_subject_is_read(answer: str) -> None:
    result = _technical_grade(ROTA_QUESTION, ROTA_POINTS, answer)
    assert result.overall > 40 and not set(result.flags) & {"dont-know", "off-topic"}, (
        answer, result.overall)


@pytest.mark.parametrize(("answer", "hedged"), [
    ("Can't recall, I usually just let the tool generate them.", True),
    ("I'd rather not say, the tool picks the median.", True),
    ("Fill numbers with the median and keep a marker column.", False),
    ("I often fill numbers with the median.", False),
])
def test_an_answer_that_hedges_off_is_told_from_one_that_names_a_term(answer, hedged) -> None:
    from mock_interview.domain.grading import floors

    assert floors.hedges_off(answer) == hedged, answer


# ---- deflections: a stall, someone else's job, another subject, a joke ------------------

@pytest.mark.parametrize("answer", [
    "Rotas, okay, let me think... fairness, yeah, there's a lot to say. Where to start.",
    "Let me think... handovers, nights, weekends, yeah. There's a lot to say. Where to start.",
    "Our operations manager ran all of that, the weekly shifts and the handovers, so I never "
    "had to deal with it.",
    "And what do your handovers look like here? I'd want to understand your nights and "
    "weekends first.",
    "Honestly the rota was our team lead's job; I wasn't involved in those decisions.",
    "Ha, my rota is my kids' bedtime schedule, so I'd say I'm on call every night.",
    "Before I answer, I'd want to know how your team handles nights at the moment.",
])
def test_an_answer_that_deflects_says_nothing(answer: str) -> None:
    result = _technical_grade(ROTA_QUESTION, ROTA_POINTS, answer)
    assert result.overall <= 20 and result.technical <= 20, (answer, result.overall)


@pytest.mark.parametrize("answer", [
    # a stall, then the answer
    "Let me think. Shifts rotate weekly so no one does nights or weekends twice in a row, "
    "handovers cover open incidents with a written summary, and a night with pages earns "
    "time off in lieu.",
    # someone else's job named, and the rubric said all the same
    "Our team lead owned the rota, but I pushed for weekly rotation so nobody had weekends "
    "twice in a row, a written handover with open incidents, and time off in lieu after a "
    "night with pages.",
])
def test_a_deflecting_phrase_before_a_real_answer_keeps_its_credit(answer: str) -> None:
    result = _technical_grade(ROTA_QUESTION, ROTA_POINTS, answer)
    assert "dont-know" not in result.flags and result.overall > 45, (answer, result.overall)


def test_a_story_that_hands_the_subject_to_someone_else_says_nothing() -> None:
    result = _story_grade("Priorities were usually set by our project manager on that team. I'd "
                          "give input now and then, but she owned the roadmap, so I can't really "
                          "speak to it.")
    assert result.overall <= 20 and result.technical <= 20, result.overall


def test_going_to_someone_is_an_action_not_a_deflection() -> None:
    result = _story_grade("A colleague wanted the redesign first and I thought the billing bug "
                          "mattered more. I went straight to my manager with the ticket counts, "
                          "we agreed to fix the bug first, and complaints halved that month.")
    assert "dont-know" not in result.flags and result.overall > 45, result.overall


# ---- someone else did it, the speaker as a portrait, a denied premise, a look-up ---------

@pytest.mark.parametrize("answer", [
    # the work handed to another, the speaker's own part made small
    "Scheduling was run by our nursing office. I mostly just swapped shifts when someone "
    "asked me to.",
    "The site manager of the depot made all the calls on the rota and the handovers. I'd "
    "just get the final schedule emailed to me.",

    # what the speaker is like, in place of how it is done
    "I'm extremely fair by nature and people trust me, so rotas have never been a problem "
    "for my teams. It's just second nature to me.",
    "I'm a big believer in work-life balance and I always look out for my people; that's "
    "just how I work.",
    # the premise denied
    "I've honestly never worked anywhere that needed a rota. Everything we've done on call "
    "has run smoothly anyway.",
    # the topic used as a way into another
    "Speaking of nights, I once worked a night shift at a bakery, which was hard on sleep.",
])
def test_an_answer_that_hands_off_or_portrays_the_speaker_says_nothing(answer: str) -> None:
    result = _technical_grade(ROTA_QUESTION, ROTA_POINTS, answer)
    assert result.overall <= 20 and result.technical <= 20, (answer, result.overall)




PAYBACK_QUESTION = "How do you work out the payback period of an investment?"
PAYBACK_POINTS = [
    "Payback period is the initial investment divided by the annual cash inflow when inflows are even",
    "With uneven inflows, add up cumulative cash flows until they cover the investment",
    "Payback ignores the time value of money and cash flows after the payback point",
]


@pytest.mark.parametrize(("answer", "answers"), [
    # a ramble: the question's terms circled among fillers and a restart
    ("Payback, yes, the payback period. It's about paying back, obviously, the investment. "
     "So there's the investment and there's cash coming in. Let me start again. You look at "
     "the cash, I'd say, and when it covers things, well, that's the payback. It really "
     "depends on the company.", False),
    ("Payback period, sure. So it's a period, a time, and it comes back in it, I think. Let "
     "me think. It's about timing, well, the timing of things, or when. Everyone does it a "
     "bit differently.", False),
    # a restart and fillers beside the answer itself
    ("Let me think. Yes, so: divide the investment by the yearly inflow when inflows are "
     "even; when they are uneven, add up the cumulative cash flows until they cover the "
     "investment. Well, it ignores the time value of money and everything after payback.",
     True),
])
def test_a_ramble_that_circles_the_terms_says_nothing(answer: str, answers: bool) -> None:
    _answers_or_says_nothing(_technical_grade(PAYBACK_QUESTION, PAYBACK_POINTS, answer),
                             answer, answers, credit=60)


@pytest.mark.parametrize(("answer", "answers"), [
    # the question turned over in other words, its terms said back
    ("So the question is how I'd work out a payback period. In other words, how long it takes "
     "an investment to pay itself back. That's about the time until the money you put in "
     "comes back, which is what a payback period really means.", False),
    ("Right, payback on an investment. What you're really asking about is how quickly the "
     "spend is recovered, so it's a question of timing, of when the outlay comes back to "
     "you. In other words, the period of paying back.", False),
    # the same turns of phrase beside the answer itself
    ("In other words, how long until the money comes back: divide the investment by the "
     "yearly inflow when inflows are even, and with uneven inflows add up the cumulative cash "
     "flows until they cover it. The question is what it leaves out: the time value of "
     "money, and everything after payback.", True),
])
def test_the_question_turned_over_in_other_words_says_nothing(answer: str,
                                                              answers: bool) -> None:
    _answers_or_says_nothing(_technical_grade(PAYBACK_QUESTION, PAYBACK_POINTS, answer),
                             answer, answers, credit=60)


MED_REC_QUESTION = "Walk me through medication reconciliation when a patient is admitted."
MED_REC_POINTS = [
    "Build a complete list of home medicines from several sources: the patient, the family, "
    "the community pharmacy and previous records, including over-the-counter drugs and "
    "supplements.",
    "Note the dose, route, frequency and the time of the last dose of each medicine.",
    "Compare the home list with the admission orders to catch omissions, duplicates, "
    "interactions and dosing errors.",
    "Resolve each discrepancy with the prescriber, then document and share the final "
    "reconciled list."]
CASH_QUESTION = "How do you calculate free cash flow and why does it matter?"
CASH_POINTS = [
    "Free cash flow is operating cash flow minus capital expenditure.",
    "It is the cash left after the business maintains and grows its asset base.",
    "It funds dividends, buybacks and debt repayment and drives a DCF valuation.",
    "It is harder to manipulate than accounting earnings."]


@pytest.mark.parametrize(("question", "points", "answer", "answers"), [
    # the work handed to others, the speaker's part made nothing; the topic's words on the
    # way ("families", "admissions") are the story's
    (MED_REC_QUESTION, MED_REC_POINTS,
     "Honestly, on my last ward the pharmacy techs did that whole piece. We had a brilliant "
     "group, two techs in the admissions unit who had been there for years, and the families "
     "loved them. By the time patients reached us it was already done and signed off, so I "
     "never had to get into it myself.", False),
    # a colleague named beside the answer itself
    (MED_REC_QUESTION, MED_REC_POINTS,
     "The pharmacy techs helped, but I did it myself: a full list of home medicines from the "
     "patient, the family, the community pharmacy and old records, with dose, route, "
     "frequency and last dose, checked against the admission orders for omissions and "
     "duplicates, and every discrepancy settled with the prescriber and documented.", True),
    # another topic put first in the subject's own field
    (CASH_QUESTION, CASH_POINTS,
     "The way I look at a company is through its liquidity ratios. The current ratio is "
     "current assets over current liabilities, and comfortably above one means near-term "
     "bills are covered. The quick ratio is stricter because it leaves out inventory, which "
     "can be slow to sell.", False),
    (CASH_QUESTION, CASH_POINTS,
     "I think the bigger thing here is EBITDA margin. It strips out depreciation and "
     "amortisation, so it compares operating profitability across firms with different "
     "asset bases and tax regimes.", False),
])
def test_the_work_handed_away_or_another_topic_put_first_says_nothing(
        question: str, points: list[str], answer: str, answers: bool) -> None:
    _answers_or_says_nothing(_technical_grade(question, points, answer), answer, answers,
                             credit=60)


ACCRUAL_QUESTION = "Walk me through how an accrued expense is recorded and reversed."
ACCRUAL_POINTS = [
    "An accrued expense is recorded at period end by debiting the expense and crediting an "
    "accrued liability.",
    "It recognises an expense incurred but not yet invoiced or paid, so the expense lands in "
    "the right period.",
    "At the start of the next period the accrual is reversed, so the invoice posts normally "
    "when it arrives."]
BUTTON_QUESTION = "How would you design an A/B test for a new checkout button?"
BUTTON_POINTS = [
    "Define a hypothesis and one primary metric, such as conversion rate, before starting.",
    "Randomly split users into control and variant groups.",
    "Calculate the sample size needed before launch and run for full weeks.",
    "Check significance at the planned end, then roll out the winner."]


@pytest.mark.parametrize(("question", "points", "answer"), [
    # credentials in place of the explanation, the topic's words on the way
    (ACCRUAL_QUESTION, ACCRUAL_POINTS,
     "I'm a chartered accountant, and I also hold my CIMA qualification. I did my undergrad "
     "in accounting at Leeds, then spent four years in audit where period-end expense testing "
     "was my area. I've also completed part one of the tax exam, and I'm pretty fluent in "
     "Xero and Sage, so the next period's close never worries me."),
    # an anecdote whose words touch the rubric ("conversion went up")
    (BUTTON_QUESTION, BUTTON_POINTS,
     "Button tests remind me of the time a developer shipped the new checkout button in "
     "bright pink by accident. Conversion went up that week and the whole team joked that "
     "pink was our new brand colour. For months people suggested pink for every launch, just "
     "to get a laugh in the planning meeting."),
])
def test_credentials_or_an_anecdote_touching_the_rubric_say_nothing(
        question: str, points: list[str], answer: str) -> None:
    _answers_or_says_nothing(_technical_grade(question, points, answer), answer, False,
                             credit=60)


PAYROLL_QUESTION = "How do you process a mid-month salary change in payroll?"
PAYROLL_POINTS = [
    "Confirm the change is approved in writing by the budget holder before entering it",
    "Pro-rate the salary by working days or calendar days according to policy",
    "Recalculate tax and pension contributions on the new pay",
    "Check the payslip and the variance report before the payroll is submitted"]


@pytest.mark.parametrize(("answer", "answers"), [
    # the work left to another, the speaker's own part another subject
    ("Salary changes are usually handled by our payroll administrator, so I'd leave that to "
     "them. My part is the reporting: I check the variance report each month and send it to "
     "the finance director.", False),
    # another subject the speaker knows well, put in the question's place
    ("That's more of an HR question. What I know well is expense claims: I check each claim "
     "against the policy, make sure the budget holder has approved it in writing, and post it "
     "before the payroll cut-off.", False),
    # the speaker's part named beside the whole answer
    ("I'd confirm the budget holder approved it in writing, pro-rate by working days, "
     "recalculate tax and pension, then check the payslip and variance report before "
     "submitting. My part is the checking at the end.", True),
])
def test_a_subject_left_to_another_or_swapped_for_a_known_one_says_nothing(
        answer: str, answers: bool) -> None:
    _answers_or_says_nothing(_technical_grade(PAYROLL_QUESTION, PAYROLL_POINTS, answer),
                             answer, answers, credit=70)


def _answers_or_says_nothing(result, answer: str, answers: bool, credit: float) -> None:
    """A real answer keeps its credit with no flag; a non-answer is held to 20."""
    if answers:
        assert not result.flags and result.overall > credit, (answer, result.overall)
    else:
        assert result.overall <= 20 and result.technical <= 20, (answer, result.overall)

@pytest.mark.parametrize("answer", [
    "I'm a big believer in written handovers. On my last team I set a weekly rotation so "
    "nobody had nights or weekends twice running, and anyone paged at night got the next "
    "morning off.",
    "Our manager ran the rota at first; I redesigned it so shifts rotate weekly, added a "
    "written handover of open incidents, and gave time off in lieu after paged nights.",
    "I'm pretty sure the fair way is rotating weekly, so no one does nights or weekends "
    "twice in a row, with a written handover and time off after a night with pages.",
])
def test_a_portrait_or_a_hand_off_beside_the_answer_keeps_its_credit(answer: str) -> None:
    result = _technical_grade(ROTA_QUESTION, ROTA_POINTS, answer)
    assert not set(result.flags) & {"dont-know", "off-topic"} and result.overall > 45, \
        (answer, result.overall)


@pytest.mark.parametrize("answer", [
    "I'm very calm under pressure and I get along with everyone, so conflict just doesn't "
    "stick to me. That's my superpower, honestly.",
    "I've always been the one colleagues come to when priorities clash, so I guess I settle "
    "things all the time. It comes naturally to me.",
    "Priorities at my last job were set by our product lead. I mostly just picked up whatever "
    "tickets she put at the top, so disagreements never really came up.",
])
def test_a_story_question_answered_with_a_portrait_or_a_hand_off_says_nothing(answer) -> None:
    result = _story_grade(answer)
    assert result.overall <= 20 and result.technical <= 20, (answer, result.overall)


def test_a_portrait_before_a_story_keeps_the_story() -> None:
    result = _story_grade("I'm a very direct person. When a colleague kept missing review "
                          "deadlines, I asked her for coffee, learned she was covering two "
                          "projects, and we agreed a new review slot with our lead; reviews "
                          "were on time for the rest of the quarter.")
    assert "dont-know" not in result.flags and result.overall > 45, result.overall


@pytest.mark.parametrize(("answer", "talk"), [
    ("The criteria are pass-or-fail checks that tell you it's done.", False),
    ("These days I'd just ask a chatbot to draft it.", True),
    ("Do you run these weekly? Your team would know.", True),
])
def test_one_generic_you_explains_and_the_speaker_talks(answer: str, talk: bool) -> None:
    from mock_interview.domain.grading import grader

    assert grader._talks(answer) == talk, answer


BANK_QUESTION = "How do you reconcile a bank account at month end?"
BANK_POINTS = ["Compare the bank statement balance with the general ledger cash balance",
               "List timing items such as deposits in transit and outstanding cheques",
               "Book adjusting entries for bank fees, interest and errors on the book side",
               "Investigate and clear unexplained differences before closing the period"]


@pytest.mark.parametrize("answer", [
    # the premise denied, in the subject's own words
    "Month-end bank work just didn't come up in my role; the cash balance always tied out and "
    "nobody asked me about timing differences.",
    "I've honestly never had a bank account that didn't reconcile. Outstanding cheques were "
    "never an issue for us at my last company.",
    # nothing but what anyone could say of any subject
    "Reconciling the bank is one of the most important jobs in finance. You always have to be "
    "careful at month end, and attention to detail is everything.",
    "Good books are only as good as the people keeping them. Close is a mindset, not a "
    "checklist.",
    # a bluff: the topic named, its importance asserted, nothing said
    "Bank reconciliation is a really important control and every accountant should know it. "
    "It really depends on the bank, and you have to do it properly.",
    "Reconciliations and audits are both key controls and they're different things. Getting "
    "them right can be tricky, there are a lot of ways to approach it.",
    "Reconciling is a big part of month end. It matters a lot, it comes up all the time, and "
    "in the end it usually works out fine.",
])
def test_a_denied_premise_or_a_string_of_generalities_says_nothing(answer: str) -> None:
    result = _technical_grade(BANK_QUESTION, BANK_POINTS, answer)
    assert result.overall <= 20 and result.technical <= 20, (answer, result.overall)


@pytest.mark.parametrize("answer", [
    "At the end of the day it's comparing the statement balance with the ledger, listing "
    "deposits in transit and outstanding cheques, and booking the fees.",
    "The key is to match the statement to the ledger line by line, list the timing items, and "
    "post the bank fees as adjusting entries.",
    "Honestly we never had outstanding cheques at my last company, but I'd still compare the "
    "statement with the ledger and book fees and interest on the book side.",
])
def test_a_stock_phrase_or_a_denied_premise_beside_the_answer_keeps_its_credit(answer) -> None:
    result = _technical_grade(BANK_QUESTION, BANK_POINTS, answer)
    assert not set(result.flags) & {"dont-know", "off-topic"} and result.overall > 45, \
        (answer, result.overall)


@pytest.mark.parametrize("answer", [
    "I'm a really meticulous reconciler and very detail-oriented. My ledgers always balanced to "
    "the cent at month end.",
    "I'd pull up our month-end close checklist and follow whatever the bank reconciliation "
    "procedure says.",
    "Bank recs... okay, um, so there's the statement and the, hmm, the ledger... let me just "
    "think it through, it's been a while.",
    "Do you reconcile daily or only at month end here? And does your team clear outstanding "
    "cheques and bank fees in the same journal?",
])
def test_a_portrait_a_look_up_a_stall_or_questions_back_say_nothing(answer: str) -> None:
    result = _technical_grade(BANK_QUESTION, BANK_POINTS, answer)
    assert result.overall <= 20 and result.technical <= 20, (answer, result.overall)


@pytest.mark.parametrize("answer", [
    "Hmm, let me think. I compare the statement balance to the ledger cash balance, list "
    "deposits in transit and outstanding cheques, and book the bank fees and interest.",
    "Our controller built the template, but I did the work: statement against ledger, timing "
    "items listed, fees and interest booked on the book side, and any gap investigated.",
    "I'd check the bank statement against the general ledger, but then list the outstanding "
    "cheques and deposits in transit and post fees and interest as adjustments.",
])
def test_a_hesitation_a_colleague_or_a_check_before_the_answer_keeps_its_credit(answer) -> None:
    result = _technical_grade(BANK_QUESTION, BANK_POINTS, answer)
    assert not set(result.flags) & {"dont-know", "off-topic"} and result.overall > 45, \
        (answer, result.overall)


@pytest.mark.parametrize(("answer", "named"), [
    ("Month-end bank work just didn't come up in my role; the cash balance always tied out and "
     "nobody asked me about timing differences.", "never came up"),
    ("I'm a really meticulous reconciler and very detail-oriented. My ledgers always balanced "
     "to the cent at month end.", "described yourself"),
    ("I'd pull up our month-end close checklist and follow whatever the bank reconciliation "
     "procedure says.", "sent the question to a reference"),
])
def test_the_feedback_names_what_was_said_in_place_of_an_answer(answer: str, named: str) -> None:
    result = _technical_grade(BANK_QUESTION, BANK_POINTS, answer)
    assert result.overall == 0 and any(named in w for w in result.weaknesses), result.weaknesses


def test_things_of_everyday_life_are_an_aside_only_where_the_rubric_does_not_use_them() -> None:
    from mock_interview.domain.grading import floors

    answer = "Breakfast service meant coffee refills every ten minutes."
    assert floors.tells_an_aside(answer)
    assert not floors.tells_an_aside(answer, frozenset({"breakfast"}))
    assert not floors.tells_an_aside("We cut the coffee order by a third.")


def test_everyday_things_the_question_names_are_its_subject_not_an_aside() -> None:
    """A wrong answer about a complaint at breakfast is graded as one, not floored as an
    anecdote for saying "breakfast" and "coffee"."""
    question = ("A guest at breakfast says the eggs are cold and the coffee is weak. How do you "
                "handle it?")
    points = ["Apologise sincerely and thank the guest for telling you",
              "Replace the dish and the drink straight away, freshly made, rather than reheating",
              "Tell the kitchen and check the pass so the other tables are not affected",
              "Follow up before the guest leaves and note the complaint in the log"]
    answer = ("Cold eggs at breakfast are a matter of taste: the kitchen plates them that way on "
              "purpose, and weak coffee is what most guests ask for. I'd explain that politely "
              "and move on to the next table, since a fuss over one plate slows the whole room "
              "down.")
    result = _technical_grade(question, points, answer)
    assert "dont-know" not in result.flags and result.overall > 20, result.weaknesses


@pytest.mark.parametrize(("sentence", "denies"), [
    ("Honestly, that never happened to me.", True),
    ("We planned for a recall, but that never happened.", True),
    ("Chargebacks just didn't happen on my team.", True),
    ("You can't put a number on refunds that never happened.", False),
    ("The audit which never happened still shows on the plan.", False),
])
def test_a_thing_that_never_happened_denies_the_premise_only_when_said_of_it(
        sentence: str, denies: bool) -> None:
    from mock_interview.domain.grading import floors

    assert floors.denies_premise(sentence) is denies


@pytest.mark.parametrize("answer", [
    "Honestly our payroll team handled all of that; I mostly just forwarded the timesheets.",
    "It never came up where I worked, we were a small shop.",
    "I'd pull up our close checklist and follow whatever it says.",
])
def test_what_is_said_in_place_of_an_answer_floors_it_with_a_one_point_rubric(answer) -> None:
    """A rubric of one point may be met in other words, but a hand-off, the premise denied
    or a look-up says in so many words that the answer is not given."""
    result = _technical_grade("How do you accrue wages at month end?",
                              ["Accrue the wages earned but unpaid at month end and reverse "
                               "them next period"], answer)
    assert result.overall <= 20 and result.technical <= 20, (answer, result.overall)


PROCESS_STORY = ("Tell me about a time you improved a process.",
                 "A strong answer names the process, the measured baseline, the change made and "
                 "the result in numbers")
CONFLICT_STORY = ("Tell me about a time you handled a conflict in your team.",
                  "A strong answer names the conflict, how the candidate listened to both sides, "
                  "the agreement reached and how the team worked afterwards")


@pytest.mark.parametrize(("story", "answer"), [
    (PROCESS_STORY, "Process work was handled by our operations manager; I mostly just filled "
                    "in the forms she sent."),
    (CONFLICT_STORY, "Ha, conflicts. Don't get me started. Anyway, how big is the team here?"),
    (CONFLICT_STORY, "I'm great at building rapport, honestly, so my teams have never really "
                     "fallen out. People just like working with me."),
    (CONFLICT_STORY, "What I really enjoy is reporting. Last year I rebuilt our weekly dashboard "
                     "in Power BI, which was a fun project."),
])
def test_said_in_place_of_a_story_floors_it_when_the_rubric_is_one_description(
        story: tuple[str, str], answer: str) -> None:
    """A reference written as one description of a strong answer is a single point; a
    hand-off, a question back, a portrait or another subject first is still no answer."""
    from mock_interview.domain.grading import GradingInput, grade_answer

    question, description = story
    result = grade_answer(GradingInput(question, "behavioral", [description], answer, (100, 280),
                                       star=True))
    assert result.overall <= 20 and result.technical <= 20, (answer, result.overall)


def test_a_favourite_story_is_the_answer_where_the_question_asks_for_one() -> None:
    from mock_interview.domain.grading import GradingInput, grade_answer

    answer = ("The project I'm proudest of is the warehouse dashboard I built in Power BI. We "
              "rolled it out to four sites in a month, and late shipments fell by a third.")
    result = grade_answer(GradingInput(
        "Tell me about the project you are proudest of.", "behavioral",
        ["Describes a specific project and the speaker's own part in it",
         "Explains why it mattered to the team or the business",
         "Gives a measurable result"], answer, (60, 260), star=True))
    assert "dont-know" not in result.flags and result.overall > 20, result.overall


# Stories that keep their credit: a part of the story asked for that the speaker is proud of,
# and everyday words (a gym, a coffee, a teacher's parents) used on the way.
STORIES_THAT_ANSWER = [
    "The part I'm proudest of is how it ended: when my colleague and I disagreed about which "
    "client to serve first, I brought the backlog numbers to our lead, we agreed to split the "
    "week, and both clients signed off on time.",
    "Last spring my colleague Dana and I disagreed about which release to prioritise. I "
    "explained the trade-off with a gym membership: you pay up front, but the gym earns it "
    "month by month, and a gym that sells too many memberships fails its members. I showed "
    "her the support tickets behind each option, she showed me the sales pipeline, and we "
    "agreed with our lead to ship the billing fix first. Tickets fell by a third that month "
    "and the sales feature followed two weeks later.",
    "Last term my co-teacher and I disagreed about which unit to teach first. Some of my "
    "parents were already asking why our two classes were on different topics. Instead of "
    "raising it at the department meeting, I invited her for a coffee, showed her the mock "
    "results for both groups, and asked how she had sequenced it before. We agreed to "
    "teach fractions first in both classes and to compare the next quiz together, and the "
    "two classes ended within three marks of each other.",
]


@pytest.mark.parametrize("answer", STORIES_THAT_ANSWER)
def test_a_story_with_colour_keeps_its_credit(answer: str) -> None:
    result = _story_grade(answer)
    assert "dont-know" not in result.flags and result.overall > 45, result.overall


# Said in place of a story: a favourite story where another was asked for, a story about
# something else, what the speaker is like, small talk, a look-up.
STORY_NON_ANSWERS = [
    # a general answer offered in place of the occasion
    "Can I give you a hypothetical instead? I'd listen first and then find common ground with "
    "them.",
    # a favourite story where another was asked for
    "The project I'm proudest of is the warehouse dashboard I built in Power BI. We rolled it "
    "out to four sites in a month and the managers used it every morning.",
    "The launch I remember best was our loyalty app. We coordinated with marketing and support, "
    "and downloads passed fifty thousand in the first week.",
    "What I'm most proud of is the onboarding course I wrote for new hires; twelve people went "
    "through it last spring and all of them passed probation.",
    # a story about something else, whose STAR parts are its own
    "Ha, disagreements, I have them all the time. Last week my flatmate and I argued about pizza "
    "toppings for an hour, and we ended up ordering two pizzas.",
    "Priorities remind me of when I worked at a music festival one summer. The best part was "
    "getting to see the bands for free, honestly.",
    # what the speaker is like, said in place of the occasion
    "I'm a bit of a perfectionist, so I don't really tend to make mistakes or clash with people. "
    "That's probably my biggest weakness.",
    "I just love people, that's why I went into this field. There's nothing better than a team "
    "that gets along.",
    "Random question, but is there a gym in this building? I saw one on the map.",
    "Oh, I used to live near your office, there's a lovely bakery on the corner.",
    "My flight got in late last night so I barely slept, sorry if I'm slow.",
    "I'd have to pull up my old one-to-one notes to find an example.",
    # an anecdote that tells its own STAR parts
    "That brings back memories of my summer on a fishing boat. On my first day I dropped the "
    "bait bucket overboard, the skipper laughed, and by August I could gut a mackerel in ten "
    "seconds.",
    "Funny you should ask, because last weekend our train to my sister's wedding was "
    "cancelled. We hired a van with two strangers and made it just in time for the speeches.",
]



# Said in place of an explanation: a joke, the question misheard or dismissed, stock phrases,
# restarts, credentials, passion, questions about the company, a hand-off.
BANK_NON_ANSWERS = [
    "I'd check with finance on that one, they own those numbers.",
    # jokes
    "Reconciliation is the only job where the numbers argue back, which explains why my Mondays "
    "feel so long.",
    "I used to think reconciling meant making up with your bank manager. Turns out it doesn't.",
    # misheard, and another question answered
    "Bank reconciliation, did you say bank reconciliation or bank covenants? Covenants are the "
    "ratios a lender sets, like debt to EBITDA.",
    # the question dismissed
    "That's more of a question for the auditors, honestly. I don't really see why it matters "
    "for this role.",
    # strung from stock phrases, whatever topic words sit between them
    "It's all about leveraging a best-in-class, data-driven close that unlocks ledger "
    "accuracy at scale.",
    # the question sent to a chatbot
    "I usually ask ChatGPT for things like that.",
    # the work handed to others named without a determiner, or with a figure in the name
    "Month-end bank work was handled by outsourced finance staff; I mainly kept the folder of "
    "statements tidy.",
    "Our 3PL partner ran the month-end bank reconciliation; I just forwarded them the "
    "statements.",
    # a passion or a liking turned to in place of the answer
    "Bank recs are fine, but my real passion is audit analytics: sampling whole populations "
    "with data tools instead of picking items by hand.",
    "Reconciliations are important, of course. What I really enjoy, though, is cash "
    "forecasting: building a 13-week model and seeing it land.",
    # modifiers stacked on the topic's own words
    "It's about a rigorous, audit-ready reconciliation discipline that keeps the ledger and "
    "the bank statement in sync.",
    # restarts that never arrive
    "Reconciling, yes, so the bank and the books, they, well, they need to agree. Let me start "
    "again. It's about the two balances, and making them, you know, agree. Let me rephrase.",
    # credentials in place of the answer, in the subject's words
    "I'm a senior accountant with over nine years of experience reconciling bank statements "
    "to the general ledger, and I'm CPA certified.",
    # why one loves the field
    "I love solving reconciliation puzzles. Getting the bank statement and the ledger to tie "
    "out is one of the most satisfying parts of the job for me.",
    # the question dismissed as theory
    "Timing differences are a textbook concept. In the real world you just trust the bank "
    "statement balance and move on.",
    # questions about the company in place of the answer
    "Does the company reconcile every bank account at month end? I'd like to know which "
    "general ledger the team uses here.",
]


@pytest.mark.parametrize(("story", "answer"), [(True, a) for a in STORY_NON_ANSWERS]
                         + [(False, a) for a in BANK_NON_ANSWERS])
def test_said_in_place_of_a_story_or_an_explanation_says_nothing(story: bool, answer: str) -> None:
    result = _story_grade(answer) if story \
        else _technical_grade(BANK_QUESTION, BANK_POINTS, answer)
    assert result.overall <= 20 and result.technical <= 20, (answer, result.overall)
    if "proud" in answer or "remember best" in answer:
        assert any("favourite story" in w for w in result.weaknesses), result.weaknesses


def test_stacked_modifiers_beside_the_points_keep_their_credit() -> None:
    answer = ("It's about a careful, line-by-line match: I compare the bank statement with the "
              "general ledger, list deposits in transit and outstanding cheques, book bank fees "
              "and interest, and investigate any difference left before closing.")
    result = _technical_grade(BANK_QUESTION, BANK_POINTS, answer)
    assert "dont-know" not in result.flags and result.overall > 60, result.weaknesses


# A trainer's model answer, read as the rubric: long prose that uses everyday words ("work",
# "level", "read", "find", "post") on the way.
BANK_REFERENCE = (
    "At month end I work from the bank statement and the general ledger side by side. I find "
    "every deposit in transit and every outstanding cheque and list them as timing items, "
    "because they will clear next month. Then I post the bank fees, interest and any errors on "
    "the book side, since the bank has already recorded them. I read down both lists at the "
    "level of single lines, so nothing is netted away. Whatever difference is left gets "
    "investigated and cleared before the period is closed, and the reviewer signs the "
    "reconciliation.")


@pytest.mark.parametrize(("answer", "floored"), [
    ("Honestly, I'm not sure. I haven't worked much with bank statements at that level, and "
     "I'd need to read up on it before I could say.", True),
    ("That's the kind of thing I'd google first, to be honest. There are plenty of posts "
     "about reconciling, so I'd find a good one and follow it.", True),
    ("I compare the statement with the ledger, list deposits in transit and outstanding "
     "cheques, post fees and interest on the book side, and clear any difference before "
     "closing.", False),
])
def test_everyday_words_of_a_long_reference_do_not_rescue_a_non_answer(answer: str,
                                                                      floored: bool) -> None:
    from mock_interview.services.grading import GradeItem, grade_item

    result = grade_item(GradeItem(question=BANK_QUESTION, answer=answer,
                                  reference=BANK_REFERENCE))
    assert (result.overall <= 20) is floored, (answer, result.overall, result.flags)


@pytest.mark.parametrize(("answer", "looks_up"), [
    ("I'd google it first and follow whatever the top result says.", True),
    ("I'd check the manual, but first I'd compare the statement with the ledger.", False),
])
def test_a_look_up_done_first_is_still_a_look_up(answer: str, looks_up: bool) -> None:
    from mock_interview.domain.grading import floors

    assert floors.looks_it_up(answer) is looks_up


def test_a_question_sent_to_a_chatbot_is_a_look_up() -> None:
    question = "How do you handle a prospect who says your price is too high?"
    points = ["Acknowledge the concern and ask what they are comparing against",
              "Tie the price to the value and the cost of the problem",
              "Avoid discounting straight away; trade any concession for something in return"]
    result = _technical_grade(question, points, "I usually ask ChatGPT for things like that.")
    assert result.overall <= 20, result.overall
