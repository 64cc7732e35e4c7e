#!/usr/bin/env python3
"""gen-sample.py: write the fictional sample caseload, sample-db/caseload.yaml.

A development tool, not needed at build time. Python 3 standard library only.
The output is deterministic: every random choice comes from a random.Random
seeded from a fixed number and the id of the family or case it belongs to, so
editing one family does not reshuffle the others.

    python3 tools/gen-sample.py            # write sample-db/caseload.yaml
    python3 tools/gen-sample.py --check    # only run the checks, write nothing
    python3 tools/gen-sample.py -o FILE    # write somewhere else

Everything in the file is invented. The format is the import contract in
casebook-data(5) (notes/import-format.md while it is being written).

The generator checks what it can without the C import (see check_caseload):
ids, references, enum values, date ranges, non-overlapping plan episodes,
the risk framework's "CIN (>11)" sections against the child's age on the
assessment date, child_seen_alone implying child_seen, and so on.
"""

import argparse
import datetime as dt
import os
import random
import re
import sys
import zlib

SEED = 20261101
YEAR_START = dt.date(2025, 11, 1)   # the demo's year of activity
YEAR_END = dt.date(2026, 10, 31)
TODAY = dt.date(2026, 11, 1)        # CASEBOOK_NOW of the demo database
EARLIEST = dt.date(2025, 1, 1)      # earlier 2025 referrals (re-referral, case length)
TEAM = "team-north"


def D(s):
    return dt.date.fromisoformat(s)


# England and Wales bank holidays, and approximate school holidays, in the period.
BANK_HOLIDAYS = {dt.date.fromisoformat(x) for x in (
    "2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26 "
    "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31").split()}
SCHOOL_HOLIDAYS = [tuple(dt.date.fromisoformat(x) for x in r.split("/")) for r in (
    "2025-02-17/2025-02-21 2025-04-07/2025-04-21 2025-05-26/2025-05-30 2025-07-23/2025-09-02 "
    "2025-10-27/2025-10-31 2025-12-22/2026-01-02 2026-02-16/2026-02-20 2026-03-30/2026-04-10 "
    "2026-05-25/2026-05-29 2026-07-22/2026-09-02 2026-10-26/2026-10-30").split()]


def school_holiday(d):
    return any(a <= d <= b for a, b in SCHOOL_HOLIDAYS)


def rng_for(key):
    """A random generator of its own for each family, case or record."""
    return random.Random(SEED ^ zlib.crc32(key.encode("utf-8")))


def age_on(born, day):
    """Whole years of age on `day` (a birthday counts from the day itself)."""
    years = day.year - born.year
    if (day.month, day.day) < (born.month, born.day):
        years -= 1
    return years


def long_date(d):
    """British long form without the year: "Thursday 12 March"."""
    return f"{d:%A} {d.day} {d:%B}"


def short_date(d):
    return f"{d.day} {d:%B}"


# ---------------------------------------------------------------------------
# YAML writer (a small, conservative emitter: the output is also read by
# people, so long text goes in literal blocks and short text stays plain
# wherever plain is unambiguous).

_PLAIN_OK = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff][^\n:#\"'\[\]{},&*!|>%@`]*$")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


def yscalar(v):
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    s = str(v)
    if (_PLAIN_OK.match(s) and s == s.strip() and s.lower() not in _RESERVED
            and not s.endswith((" ", "-", "?"))):
        return s
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append("\\x%02x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


LONG_TEXT_KEYS = {"text", "worries", "working_well", "needs_to_happen", "notes",
                  "comment", "judgement_reason", "decision"}


def emit(obj, indent=0, out=None):
    """Write nested dicts (insertion-ordered) and lists as block YAML."""
    pad = " " * indent
    for key, val in obj.items():
        if val is None:
            continue
        if isinstance(val, dict):
            if not val:
                continue
            out.append(f"{pad}{key}:")
            emit(val, indent + 2, out)
        elif isinstance(val, list):
            if not val:
                continue
            if all(not isinstance(x, (dict, list)) for x in val):
                out.append(f"{pad}{key}: [" + ", ".join(yscalar(x) for x in val) + "]")
                continue
            out.append(f"{pad}{key}:")
            for item in val:
                lines = []
                emit(item, indent + 4, lines)
                first = lines[0]
                out.append(f"{pad}  - " + first[indent + 4:])
                out.extend(lines[1:])
        elif isinstance(val, str) and key in LONG_TEXT_KEYS and (len(val) > 90 or "\n" in val):
            out.append(f"{pad}{key}: |-")
            for line in val.split("\n"):
                out.append(f"{pad}  {line}" if line else "")
        else:
            out.append(f"{pad}{key}: {yscalar(val)}")
    return out


# ---------------------------------------------------------------------------
# The team.

PRACTITIONERS = [
    dict(id="prac-helen", name="Helen Chaudhry", role="supervisor"),   # Advanced Social Worker
    dict(id="prac-priya", name="Priya Sharma", role="practitioner"),
    dict(id="prac-tom", name="Tom Hughes", role="practitioner"),
    dict(id="prac-niamh", name="Niamh Gallagher", role="practitioner"),
    dict(id="prac-marcus", name="Marcus Reid", role="practitioner"),
]
SUPERVISOR = "prac-helen"
PRAC_FIRST = {p["id"]: p["name"].split()[0] for p in PRACTITIONERS}


# ---------------------------------------------------------------------------
# Text. Each theme is one strand of a family's story. Pools are keyed by phase:
#   e = early in the work, m = middle, l = late (things have moved on),
#   f = flat (stuck; falls back to m), w = worsening (falls back to m).
# Placeholders: {cg} main caregiver's first name and {cgsub}/{cgSub}/{cgpos}/{cgobj};
# {child} and {sub}/{Sub}/{obj}/{pos}/{Pos}/{refl}; {sib}, {other}, {net}, {grand},
# {school}, {att}, {like}, and any extra keys in a case's `say` table.

THEMES = {
    "mood": dict(
        label="how {cgsub} has been feeling",
        e=["{cg} described feeling flat most mornings and said getting {child} out of the door is the hardest part of the day.",
           "{cg} has an appointment with the GP next week to talk about {cgpos} mood; {cgsub} agreed I could ask how it went.",
           "The curtains were still closed when I arrived and {cg} said {cgsub} had not been out since the weekend.",
           "{cg} was tearful when talking about the last few months but said it helped to say it out loud.",
           "{cg} said {cgsub} has stopped answering the phone to most people because {cgsub} does not want to explain how things are."],
        m=["{cg} has started the medication the GP suggested and says the mornings feel a little easier.",
           "{cg} has been to two Talking Therapies sessions and has written the dates on the kitchen calendar.",
           "{cg} said {cgsub} had a low patch midweek but rang {net} instead of staying in bed, which we agreed was a real step.",
           "The house felt brighter today; {cg} had been to the shops and was cooking when I arrived.",
           "{cg} said some days are still heavy, but {cgsub} now gets up and gets dressed even when {cgsub} does not feel like it."],
        l=["{cg} talked about looking for part-time work and has booked an appointment with a work coach.",
           "{cg} said {cgsub} can now spot a bad day coming and knows who to call.",
           "{cg} described the last month as the steadiest since the referral.",
           "{cg} has finished the course of Talking Therapies and kept the workbook, which {cgsub} still uses."],
        worries=dict(
            e=["{cg}'s low mood means mornings are chaotic and {child} is often late or misses school.",
               "{cg} has little support nearby and is managing on {cgpos} own most days."],
            m=["There are still days when {cg} struggles to get up, and {child} notices this."],
            l=["That the progress could slip if {cg}'s support ends without a plan for what comes next."]),
        well=dict(
            e=["{cg} is open about how {cgsub} is feeling and wants help.",
               "{child} and {cg} are warm with each other; {child} sat close to {cg} for most of the visit."],
            m=["{cg} is keeping to the GP plan and going to every therapy appointment.",
               "{net} is visiting twice a week and helping with the school run."],
            l=["{cg} is using {cgpos} own plan for bad days and it is working."]),
        next=dict(
            e=["{cg} to see the GP this week; I will check in by phone afterwards.",
               "Agree a simple morning routine with {cg} and {child} and write it up for the fridge."],
            m=["{cg} to keep going with Talking Therapies; we will review the morning plan at the next visit."],
            l=["Plan with {cg} who {cgsub} can go to once the service steps back."]),
        phone=["{cg} said it had been a better week and {cgsub} had managed the school run every day.",
               "{cg} sounded tired; {cgsub} said {cgsub} had not slept well but had still got {child} to school.",
               "{cg} rang to tell me the GP has increased {cgpos} support and {cgsub} feels listened to."],
    ),
    "attendance": dict(
        label="school attendance",
        e=["{child}'s attendance this term is {att}%, and most absences are Mondays and Fridays.",
           "{child} said {sub} does not like going in because {sub} has fallen behind in maths and feels embarrassed in class.",
           "{cg} said mornings turn into arguments and it has felt easier to let {child} stay at home."],
        m=["{child} has been in every day this week and was proud to tell me.",
           "School have set up a morning check-in with the pastoral lead, which {child} says helps.",
           "{child}'s attendance is up to {att}% since the half term."],
        l=["{child}'s attendance is now {att}% for the half term.",
           "{child} talked about a friend {sub} has made in form group and a lunchtime club {sub} has joined."],
        f=["{child}'s attendance is around {att}%, about the same as last month.",
           "{child} was late three times this week after the nights {cg} worked."],
        worries=dict(
            e=["{child} is missing a lot of school ({att}% this term) and is falling behind."],
            m=["Attendance is better but still dips after weekends."],
            f=["{child} is still often late and tired on the mornings after a night shift."],
            l=["That attendance could slip over the move to the next school year."]),
        well=dict(
            e=["{child} wants to do well and named two teachers {sub} likes."],
            m=["The morning check-in at {school} is working."],
            l=["{child} gets {refl} up with an alarm now and leaves on time most days."]),
        next=dict(
            e=["Meet {school} to agree a support plan for {child}'s attendance."],
            m=["Keep the morning check-in going; {cg} to text me if a morning goes wrong."],
            l=["Agree with {school} how attendance will be watched after we close."]),
        school=dict(
            e=["Attendance is {att}% this term. Staff described {child} as bright but anxious about catching up.",
               "School agreed to a morning check-in and a catch-up group for maths."],
            m=["Attendance is up to {att}%. {child}'s form tutor said {sub} is joining in more in class."],
            f=["Attendance is {att}%, unchanged. Staff said {child} is often tired and late after weekends."],
            l=["Attendance is {att}% and staff are pleased with {child}'s effort this half term."]),
    ),
    "routines": dict(
        label="the evening and bedtime routine",
        e=["We talked about the evenings: tea is often late and {child} is up until after eleven on a tablet.",
           "{cg} wants a calmer bedtime but said nothing has stuck for long."],
        m=["{cg} has tried the bedtime chart we made and {child} has had four early nights this week.",
           "@Tea was on the table when I arrived and {child} was doing homework at the kitchen table."],
        l=["The evening routine is holding; {child} is in bed by nine on school nights.",
           "{cg} said the routine now runs without the chart."],
        f=["The bedtime plan works on the nights {cg} is at home and slips on the nights {cgsub} is at work."],
        worries=dict(
            e=["There is no regular routine at home and {child} is tired at school."],
            m=["The routine works when {cg} is well but slips when {cgsub} is stressed."],
            l=["The routine could slip over the holidays."]),
        well=dict(
            e=["{cg} and {child} came up with the bedtime plan together."],
            m=["{cg} is sticking to the plan even on hard days.", "{child} reminds {cg} about the chart, which makes them both laugh."],
            l=["Bedtimes are calm and {child} is less tired at school."]),
        next=dict(
            e=["Try the bedtime chart for two weeks and review it together.",
               "{cg} to try tea at six and a quiet half hour before bed; we will see how it goes."],
            m=["{cg} to keep the tablet downstairs after nine; review at the next visit.",
               "Keep the routine going through the holidays; {child} to choose a Friday treat."],
            l=["{cg} to keep the routine going without the chart; check in at the next review."]),
    ),
    "da_safety": dict(
        label="the safety plan and contact arrangements",
        e=["We went through the safety plan again; {cg} knows how to contact the police and the IDVA, and the children know which neighbour to go to.",
           "{cg} said contact arrangements are still causing worry and {cgsub} wants them to be clear and in writing.",
           "{cg} has been referred to the Freedom Programme and is due to start next month.",
           "{child} said {sub} sleeps better since the locks were changed."],
        m=["{cg} has been to four Freedom Programme sessions and talked about what {cgsub} recognises from them.",
           "Contact with {other} now happens at {grand}'s flat on Saturdays, and handovers have been calm.",
           "{other} has started a behaviour change programme; the programme worker confirmed he has been to every session so far.",
           "{cg} said the house feels calmer and the children are sleeping better."],
        l=["{cg} reviewed the safety plan with me and updated it {cgobj}self; it now runs without prompting.",
           "{cg} said {cgsub} feels like {cgsub} is 'getting my life back' and has started volunteering at the school library.",
           "Saturday contact has been consistent for months and the children look forward to it."],
        worries=dict(
            e=["{child} has heard arguments between the adults in the past and worries about {pos} mum.",
               "Contact handovers have been tense and the children pick up on this."],
            m=["The court process for contact could raise tension again."],
            l=["If {other} stops the programme, the old patterns could return."]),
        well=dict(
            e=["{cg} acted protectively by calling the police and asking for support."],
            m=["Handovers now happen through {grand}, which keeps the adults apart."],
            l=["The children talk freely about both parents and say they feel safe at home."]),
        next=dict(
            e=["Keep the safety plan up to date; the next core group will review contact."],
            m=["{cg} to finish the Freedom Programme; I will check the contact diary with {grand}."],
            l=["Plan for the ending: who the family can go to if things become difficult again."]),
        phone=["{cg} said Saturday's handover went smoothly and the children came back happy.",
               "{cg} rang to say the court date for contact has been set; we talked about how to prepare the children."],
    ),
    "alcohol": dict(
        label="{cgpos} drinking",
        e=["{cg} was open that {cgsub} has been drinking most evenings since the summer, and said {cgsub} wants to cut down.",
           "{cg} agreed to a referral to the community alcohol service.",
           "{cg} raised the empty bottles in the recycling before I did, and we talked about it openly."],
        m=["{cg} has had two appointments with the alcohol service and is keeping a drinking diary.",
           "{cg} said the evenings are the hardest and {cgsub} has started walking with {net} after tea instead.",
           "{cg} said {cgsub} had a setback at the weekend and told me straight away; we talked about what helped {cgobj} get back on track."],
        l=["{cg} said {cgsub} has now had several alcohol-free weeks and the children have noticed the difference.",
           "{cg} has joined a peer support group that meets on Wednesday evenings."],
        worries=dict(
            e=["When {cg} has been drinking in the evening, {child} sometimes looks after {sib}."],
            m=["A lapse at the weekend: {cg} told us, but it shows the risk is still there."],
            l=["How {cg} will manage stressful times once support reduces."]),
        well=dict(
            e=["{cg} is honest about {cgpos} drinking and wants to change."],
            m=["{cg} is going to every appointment with the alcohol service."],
            l=["{net} is a reliable support and has agreed to be part of the safety network."]),
        next=dict(
            e=["{cg} to attend the alcohol service assessment; agree who looks after the children if {cgsub} has been drinking."],
            m=["Keep the drinking diary; review at the next family network meeting."],
            l=["Write the family's own plan for a lapse, with {net} as the first call."]),
        phone=["{cg} said {cgsub} had a good week and kept to the plan.",
               "{cg} rang to say {cgsub} has moved {cgpos} alcohol service appointment to Thursday."],
    ),
    "teen_wellbeing": dict(
        label="how {child} is feeling",
        e=["{child} has self-harmed a few times when things got too much; CAMHS triage has taken place and {sub} is waiting for an appointment.",
           "@{child} has a safety plan from CAMHS triage and showed me where {sub} keeps it.",
           "{child} said {sub} has been keeping things to {refl} so as not to worry {pos} mum."],
        m=["{child} has started sessions with the CAMHS worker and said they are 'alright, better than I thought'.",
           "{child} said {sub} has been using the calm box {sub} made and a breathing app.",
           "{child} and {cg} watched a film together on Friday, which {child} said was 'actually nice'."],
        l=["{child} said {sub} has not felt the need to hurt {refl} for several weeks and knows who to talk to if that changes.",
           "@{child} talked about going back to drama club and about choosing options next year."],
        worries=dict(
            e=["{child}'s low mood and self-harm; {sub} has been keeping things to {refl}."],
            m=["{child} still finds evenings hard when home is tense."],
            l=["The gap between CAMHS ending and other support starting."]),
        well=dict(
            e=["{child} told the school nurse, which shows {sub} knows how to ask for help."],
            m=["{child} is going to CAMHS and uses {pos} safety plan."],
            l=["{child} and {cg} talk more openly now about how {sub} is feeling."]),
        next=dict(
            e=["Chase the CAMHS appointment; agree with {child} who {sub} can talk to at school."],
            m=["Keep the weekly sessions with {child}; share the safety plan with {cg}, with {child}'s agreement."],
            l=["Agree with {child} and school how {sub} will be supported after CAMHS ends."]),
    ),
    "behaviour": dict(
        label="school, friends and evenings out",
        e=["{child} has had three fixed-term exclusions this term, mostly for walking out of lessons and arguing with staff.",
           "{cg} is worried about the older boys {child} spends time with near the shops, and said {child} has come home with new trainers {sub} could not explain.",
           "@{child} was polite but guarded and said school 'have it in for me'."],
        m=["{child} has started at the alternative provision two days a week and said the staff there 'actually listen'.",
           "@{child} talked about wanting to be a mechanic; we looked at college taster days together.",
           "{child} has been home by the agreed time most nights this fortnight."],
        f=["{child} missed the agreed time twice this week and would not say where {sub} had been.",
           "{child} was sent home from the alternative provision on Tuesday after an argument, but went back the next day.",
           "{cg} said the week had been 'up and down': good at home, harder outside it."],
        l=["{child} and {other} have started going to the gym together on Sunday mornings.",
           "{child} has had no exclusions this half term, though {sub} still gets sent out of lessons now and then."],
        worries=dict(
            e=["{child} may be being drawn in by older young people: unexplained items and late nights."],
            m=["{child} still walks out of lessons and is out later than agreed on some nights."],
            l=["The progress depends on the alternative provision place continuing."]),
        well=dict(
            e=["{cg} and {other} are united in wanting to keep {child} safe."],
            m=["{child} has a good relationship with the mentor at the alternative provision."],
            l=["{child} is spending more time at home and with {pos} grandmother."]),
        next=dict(
            e=["Share the concerns with the police exploitation lead and the school's DSL; agree a curfew with {child}, not for {obj}."],
            m=["Keep the curfew agreement; chase the mentoring referral; review at the next CIN meeting."],
            l=["Plan the return to full-time school with {child} and the school."]),
        school=dict(
            e=["School described {child} as 'a lad with a lot going for him' but said lessons often end with {obj} walking out."],
            m=["The alternative provision reported that {child} is punctual and works well in small groups."],
            f=["School said there have been two more incidents this month; the alternative provision is going well."],
            l=["School are planning a phased return to full-time lessons after the holidays."]),
    ),
    "missing": dict(
        label="staying safe when {child} is out",
        e=["{child} said {sub} goes out when the arguing at home gets too much and does not always think to text.",
           "@We talked about the return home interview; {child} said it was 'fine, just awkward'.",
           "{cg} said {cgsub} does not know most of {child}'s new friends or where they go."],
        m=["{child} has agreed to text {cg} by nine if {sub} is staying out later, and has done so every time this fortnight.",
           "{child} has been to the youth club on Tuesdays and Thursdays with a friend from school.",
           "{child} and {cg} had an argument about phone credit but sorted it out the same evening."],
        l=["There have been no missing episodes for several months; {child} said the texting agreement works because it was {pos} idea.",
           "{child} has started the Saturday boxing club and says it helps with his temper."],
        worries=dict(
            e=["{child} has been missing overnight and we do not know where {sub} goes or who with."],
            m=["Arguments between {child} and {cg} still flare up, usually about phone use and money."],
            l=["Exam pressure next year could unsettle things."]),
        well=dict(
            e=["{child} came home on {pos} own and talked to the police officer about where {sub} had been."],
            m=["The texting agreement is working and {cg} feels less anxious in the evenings."],
            l=["{child} and {cg} can talk things through before they become arguments."]),
        next=dict(
            e=["Agree a safety plan with {child} and {cg}, including who {sub} can call."],
            m=["Keep the texting agreement; look into the boxing club {child} mentioned."],
            l=["Review the plan with {child} and agree what support carries on through school."]),
    ),
    "reunification": dict(
        label="plans for {child} living at home",
        e=["{child} has been living with {carer} since March and sees {pos} mum every Sunday.",
           "Family time on Sunday went well; {child} and {cg} cooked together and {child} stayed for tea.",
           "{child} said {sub} wants to go home but worries about 'it all kicking off again'."],
        m=["{child} has started staying overnight at home at weekends, and both say it has gone well.",
           "{cg} and {child} agreed house rules together: curfew, chores and phone time. {child} wrote them up.",
           "{child} said the hardest part of being back is sharing the bathroom with {sib}."],
        l=["{child} has been home for several months now and says home feels 'calmer than before'.",
           "{child} is at college two days a week on a construction course and has not missed a day.",
           "{cg} said she and {child} had a disagreement about money last week but talked it through the next morning."],
        worries=dict(
            e=["{child} and {cg} have a history of serious arguments that ended with {child} leaving home."],
            m=["One bad argument could unsettle the plan for {child} to come home."],
            l=["Money is tight now that {child} is living at home again."]),
        well=dict(
            e=["{child} and {cg} both want to live together again and are keen to make it work."],
            m=["The overnight stays have gone well and the house rules were written together."],
            l=["{child} and {cg} make up quickly after disagreements."]),
        next=dict(
            e=["Plan overnight stays with {child}, {cg} and {carer}; review at the next looked-after review."],
            m=["Prepare for the move home: bedroom, travel to college, and who {child} can call if things get tense."],
            l=["Keep the weekly check-ins; plan with {child} and {cg} for the end of the CIN plan."]),
    ),
    "home_conditions": dict(
        label="the house, food and money",
        e=["The kitchen was cluttered and there was little food in the cupboards; {cg} said money runs out before payday.",
           "We made a food bank referral together and {cg} collected a parcel the same afternoon.",
           "{cg} showed me round; the children's room had clean bedding and {cg} has started sorting the clothes that no longer fit."],
        m=["The kitchen was clean and {cg} had made a shopping list from the meal planner we talked about.",
           "{cg} applied for the Household Support Fund with my help and has been given vouchers towards a new cooker.",
           "{cg} said the weekly plan is working and {cgsub} has started to put a little money aside."],
        l=["Home conditions have been good at every visit this month.",
           "{cg} has sorted the children's room and there is now a desk for homework."],
        p=["The flat was warmer today and there was food in the fridge; {cg} said {grand} had helped with a big shop.",
           "{cg} had tidied the kitchen before I arrived and said {cgsub} wants the review conference to see a change."],
        w=["The flat was untidy and there were takeaway boxes on the floor; {cg} said {cgsub} has not had the energy.",
           "There was little food in the fridge again and {cg} said the money had gone on the electricity meter.",
           "@{child} was in the same clothes as at my last visit and {cg} said the washing machine has broken."],
        worries=dict(
            e=["There is not always enough food in the house and {child} does not always have clean clothes."],
            m=["The home is better but slips when money runs short."],
            w=["Home conditions have gone back to how they were at referral."],
            l=["That the improvements will be hard to keep up once visits reduce."]),
        well=dict(
            e=["{cg} let me look round and was open about what is hard."],
            m=["{cg} is using a weekly meal plan and budgeting with the money advice worker."],
            w=["{cg} still lets me look round and is honest about how hard things are."],
            p=["{cg} has accepted {grand}'s help with a weekly shop."],
            l=["Home conditions have stayed good for over two months."]),
        next=dict(
            e=["Food bank and Household Support Fund applications; agree two small jobs in the house before the next visit."],
            m=["Keep the weekly plan; referral to the money advice service."],
            w=["Share the worries about home conditions with {cg} in writing, with what needs to change and by when."],
            l=["Agree with {cg} how {cgsub} will keep this going once we step back."]),
    ),
    "substance": dict(
        label="cannabis use at home",
        e=["{other} said he smokes cannabis most evenings but never around {child}.",
           "{cg} said {other}'s cannabis use causes arguments between them."],
        m=["{other} did not go to the drug and alcohol service appointment that was booked for him.",
           "{other} was asleep upstairs in the early afternoon and {cg} said he had been up late."],
        w=["{cg} said {other} has been using more since losing his job and that they argue about money.",
           "There was a strong smell of cannabis in the flat today; {cg} said {other} had been smoking in the kitchen.",
           "{other} left the room when I raised the drug service and did not come back."],
        p=["{other} has agreed to a new referral to the drug and alcohol service since the conference.",
           "{other} went to his first drug service appointment but missed the second; {cg} said he 'is trying'."],
        worries=dict(
            e=["Adults' cannabis use in the home and whether {child}'s care is affected."],
            m=["{other} has not engaged with the drug service."],
            w=["Substance use in the home has increased and {child} is missing nursery."]),
        well=dict(
            e=["{cg} wants {child} to have a different childhood from {cgpos} own."],
            m=["{grand} has {child} to stay every Friday and {child} loves it."],
            w=["{grand} is willing to be part of the safety plan."]),
        next=dict(
            e=["{other} to attend the drug service appointment; {cg} to make sure {child} is at nursery every day."],
            m=["Talk to my supervisor about whether the concerns now need a strategy discussion."],
            w=["Core group to agree the written safety plan with {grand}."]),
    ),
    "nursery": dict(
        label="nursery and {child}'s development",
        e=["{child} has 15 funded hours at {school} but has been in for fewer than half of {pos} sessions.",
           "The health visitor has booked {child}'s developmental review for next month."],
        m=["@{child} is using more words and sang a song from nursery for me.",
           "Nursery said {child} has settled with {pos} key person and plays well with others."],
        w=["{child} has missed eight nursery sessions in the last three weeks.",
           "Nursery have noticed {child} is often hungry when {sub} arrives and is tired by mid-morning."],
        p=["{child} has been at nursery for most sessions since the conference, with {grand} doing the Tuesday and Thursday drop-offs."],
        school=dict(
            e=["Nursery said {child} is a friendly little girl who loves the sand tray, but attendance is patchy."],
            m=["{child}'s key person said {sub} is talking more and has made a friend."],
            w=["Nursery reported {child} has missed a lot of sessions and sometimes arrives hungry."]),
    ),
    "young_carer": dict(
        label="{child}'s caring role at home",
        e=["{child} helps {other} with his medication and gets {sib} ready for school on dialysis days.",
           "{child} said {sub} is tired at school because {sub} is up early helping at home, but {sub} does not want {pos} dad to feel bad."],
        m=["{child} has been going to the young carers group on Wednesdays and said {sub} likes 'being with people who get it'.",
           "{cg} has arranged hospital transport for {other} on dialysis days, so {child} no longer goes with him."],
        l=["{child} has stayed for football after school three times this month.",
           "{child} said {sub} still helps at home but 'it's normal helping now, not everything'."],
        worries=dict(
            e=["{child} is taking on a lot of caring and is tired at school."],
            m=["Caring still falls to {child} when {cg} works late."],
            l=["A change in {other}'s health could put {child} back into a big caring role."]),
        well=dict(
            e=["The family are close and proud of each other."],
            m=["The young carers group and hospital transport are in place."],
            l=["{child} has time for {refl}: football, friends and homework club."]),
        next=dict(
            e=["Young carers assessment and referral to the group; ask the renal team about transport."],
            m=["Carer's assessment for {cg}; check with school how {child} is managing."],
            l=["Agree with {child} what {sub} wants to keep from the young carers group."]),
    ),
    "housing": dict(
        label="housing",
        e=["The family of five live in a two-bedroom flat with damp in the children's room.",
           "We filled in the housing medical form about {other}'s needs together."],
        m=["The landlord has treated the damp and the children's room is drier, though mould is coming back around the window.",
           "The family's housing band has been raised and {cg} is bidding every week."],
        l=["Since the move, {child} has space to do homework and says {sub} sleeps better.",
           "{cg} has unpacked the last boxes and the house feels like home."],
        worries=dict(
            e=["Overcrowding and damp are affecting sleep and health."],
            m=["The wait for a bigger home could be long."],
            l=["Settling into a new area, and a longer journey to school for {child}."]),
        well=dict(
            e=["{cg} keeps a careful file of every letter from housing."],
            l=["The family now have a home with enough space."]),
        next=dict(
            e=["Support the housing medical assessment; chase the landlord about the damp."],
            m=["Keep bidding weekly; ask housing for an update on the medical priority."],
            l=["Register with the new GP; plan with {cg} for the end of early help."]),
    ),
    "bereavement": dict(
        label="grief and everyday life since {mum} died",
        e=["@{child} talked about {pos} mum and showed me a photo of them at the beach. {Sub} said {sub} misses her most at bedtime.",
           "{cg} said he has not cried in front of {child} because he wants to be strong for {obj}.",
           "{cg} is struggling to fit the school run around his shifts since {mum} died."],
        m=["{child} has started sessions with the bereavement charity at school and has made a memory box.",
           "{net} now does the school pick-up on Tuesdays and Thursdays so {cg} can work.",
           "{cg} and {child} looked through {mum}'s photos together and chose some for {child}'s room."],
        l=["{cg} said they can now talk about {mum} at tea time without it ending in tears.",
           "{cg} has changed his hours at work and now does the school run himself most days."],
        worries=dict(
            e=["{child} and {cg} are both grieving and {cg} is worn out juggling work and care."],
            m=["{cg} still finds it hard to ask for help."],
            l=["The first anniversary of {mum}'s death may be hard for both of them."]),
        well=dict(
            e=["{child} is loved and well cared for; {cg} knows {pos} routines and friends."],
            m=["The memory box and bereavement sessions are helping {child} talk about {pos} mum."],
            l=["{cg} has a support network now: {net}, the church and the school."]),
        next=dict(
            e=["Referral to the child bereavement service; ask school about help with pick-ups."],
            m=["Keep the weekly contact; plan with {cg} for the anniversary."],
            l=["Agree an ending plan with {cg} and {child}."]),
    ),
    "night_care": dict(
        label="childcare on {cgpos} work nights",
        e=["{cg} works nights at a care home three times a week; when the sitter cancels, {eldest} has been left in charge of {youngest} overnight.",
           "{cg} said {cgsub} knows it isn't right and has been trying to swap shifts, but the rota is set a month ahead.",
           "{other} lives in Cardiff and sees the children once a month; {cg} thinks he might be able to help more."],
        m=["{cg} has asked {cgpos} manager for day shifts; a decision is due at the end of the month.",
           "{net} next door has agreed to be the back-up if the sitter cancels, and the children know her well.",
           "{cg} said the sitter cancelled again last Thursday and {cgsub} called {net}, as planned."],
        f=["{cg} is still on nights; the request for day shifts has been put back again.",
           "{other} has not yet said whether he can have the children on {cg}'s work nights.",
           "{cg} said nothing much has changed since last time: the sitter is unreliable and {net} is covering more than planned.",
           "{cg} said {cgsub} has not had time to look into the holiday club or the after-school places we talked about."],
        worries=dict(
            e=["{eldest} (10) has been left looking after {youngest} (7) overnight when childcare falls through."],
            f=["There is still no firm childcare plan for night shifts.",
               "{eldest} is tired and late for school after {cg}'s night shifts."]),
        well=dict(
            e=["{cg} is honest about the problem and wants a safe plan."],
            m=["{net} next door is a reliable back-up and the children trust her."],
            f=["The children are well cared for in the day and close to their mum."]),
        next=dict(
            e=["{cg} to ask for day shifts; agree a written back-up plan with {net}."],
            m=["Invite {other} to a family network meeting about the night shifts."],
            f=["Agree with {cg} a date by which the childcare plan must be in place, and take the case to group supervision."]),
    ),
}

# Sentences any family's note can use.
OPENERS = ["Home visit as planned.", "Visit arranged at the last session.",
           "{cg} had asked for a visit this week to talk about {label}.",
           "Planned visit; {cg} was expecting me and had the kettle on.",
           "Visit arranged by text earlier in the week."]
OPENERS_SEEN = ["Visited after school so {child} could be there."]
OPENERS_EARLY = ["{cg} had asked for a visit this week to talk about {label}."]
CHILD_LINES = {
    "young": ["{child} showed me {like} and chatted about nursery.",
              "{child} was playing with {like} when I arrived and brought some over to show me.",
              "{child} sat on {cg}'s lap for a while, then went back to {like}.",
              "{child} was lively and chatty and wanted me to watch {obj} play."],
    "child": ["{child} showed me {like} and talked about {pos} week at school.",
              "{child} was doing homework when I arrived and was happy to stop for a chat.",
              "{child} told me about {like}, which {sub} is proud of.",
              "{child} was quieter today and said {sub} was tired after a busy week."],
    "teen": ["{child} came down after a while and talked about {like}.",
             "{child} was on {pos} phone at first but joined the conversation about plans for the holidays.",
             "{child} was at home and we talked about {like} and how school is going.",
             "{child} was more talkative than last time and asked what the plan meeting would involve."],
}
ALONE_LINES = {
    "e": ["I spent time with {child} on {pos} own; {sub} said things at home are 'okay, sometimes not'.",
          "{child} and I talked on our own in {pos} room; {sub} said {sub} wants less shouting at home."],
    "m": ["I spent time with {child} on {pos} own; {sub} said home is 'better than before'.",
          "On our own, {child} said {sub} likes the new routine but misses staying up late."],
    "l": ["On our own, {child} said things at home are 'good, mostly' and {sub} knows who to talk to.",
          "I spent time with {child} on {pos} own; {sub} said {sub} does not worry about home as much now."],
    "w": ["On our own, {child} said {sub} has not been to nursery much and that the grown-ups have been cross."],
}
NOT_SEEN_LINES = {"day": ["{child} was at school; I will make sure the next visit is after school.",
                          "This was a daytime visit while {child} was at school, so {cg} and I could talk freely."],
                  "after": ["{child} was at {club} so I did not see {obj} today; I will see {obj} at school next week.",
                            "{child} was out at {club}; {cg} passed on {pos} news."]}
CLOSERS = ["Next visit agreed for {next}.", "We agreed the next visit for {next}.",
           "Next visit booked for {next}.",
           "I will visit again on {next}."]
PHONE_GENERIC = ["Phone call with {cg} to check in after the last visit. {cgSub} said the week had been {week}.",
                 "{cg} rang to rearrange the next visit because of a medical appointment; moved to {next}.",
                 "Call with {cg} to confirm arrangements for the next meeting. {cgSub} said the week had been {week}.",
                 "Phone call with {school} about {child}'s week. They said {sub} had been {schoolweek}."]
WEEK_WORDS = {"e": ["hard", "a bit chaotic", "long", "difficult but manageable"],
              "m": ["mixed", "better than last week", "okay", "busy but fine"],
              "f": ["about the same", "mixed", "up and down"],
              "w": ["hard", "difficult", "stressful"],
              "l": ["good", "calm", "settled", "really good"],
              "p": ["hard but a bit better", "tiring", "mixed"]}
SCHOOL_WEEK = {"e": ["tired and quiet", "late twice but settled once in", "unsettled"],
               "m": ["in every day and more settled", "mostly settled", "chatty and engaged"],
               "f": ["the same as usual: fine some days, tired on others", "late twice"],
               "w": ["absent for two sessions", "tired and hungry on arrival"],
               "l": ["settled and cheerful", "doing well in class", "in every day"],
               "p": ["in most days and a little more settled"]}
MESSAGES = [("Text from {cg} confirming the visit on {next}.", ["Replied to confirm the time.", "I replied to say I would bring the forms we talked about."]),
            ("Sent {cg} the date and time of the next plan meeting and checked {cgsub} can make it.",
             ["{cgSub} replied to say yes.", "{cgSub} asked if {net} could come too; agreed."]),
            ("{cg} messaged to say {child} had a good day and sent a photo of {pos} certificate from school.",
             ["I replied to say well done to {child}.", "I said I would ask {child} about it next time."]),
            ("Text to {cg} with the phone number for the advice line we talked about.",
             ["{cgSub} replied to say thanks and that {cgsub} would ring tomorrow.", "No reply yet; I will ask at the next visit."]),
            ("{cg} texted to ask whether the next visit could be a little later because of work.",
             ["Agreed; moved to half an hour later.", "Agreed, and I let school know."]),
            ("Reminder text sent to {cg} about tomorrow's appointment.", ["{cgSub} replied with a thumbs up.", "{cgSub} replied to say {cgsub} had it in the diary."])]
OFFICE_TASKS = ["go through some forms with me", "go through a grant application",
                "use a quiet room to talk without the children around",
                "look over the draft plan before the review meeting",
                "make some phone calls with me there to help"]
DW_TOOLS = {"young": ["the Wizard and Fairy pictures", "a worry monster", "play figures and a doll's house",
                      "drawing the people in {pos} family"],
            "child": ["the three houses", "a feelings thermometer", "the House of Good Things",
                      "a family tree", "a worry monster"],
            "teen": ["the three houses", "a timeline of the last year", "a scaling question from 0 to 10",
                     "the safety network map"]}
DW_TOPICS = {"young": ["who looks after {obj} and what {sub} likes doing", "nursery and home", "the people in {pos} family"],
             "child": ["home, school and friends", "what makes {obj} happy and what worries {obj}", "the people {sub} can talk to"],
             "teen": ["how things are at home", "what {sub} wants to happen next", "school, friends and home"]}
DW_PLACES = {"young": ["at home", "at nursery"], "child": ["at school", "at home", "at the library"],
             "teen": ["at a café in town", "at school", "in the office", "on a walk to the park"]}
DW_SAID = {"e": ["{child} put '{worry}' in the house of worries and {cg} in the house of good things.",
                 "{child} said the thing {sub} would most like to change is '{wish}'.",
                 "{child} drew {pos} family and put {refl} in the middle, next to {cg}."],
           "m": ["{child} said things are 'a bit better' and gave home a 6 out of 10.",
                 "{child} added {net} to {pos} safety network and said {sub} would call them if worried.",
                 "{child} chose to share the house of good things with {cg}."],
           "l": ["{child} gave home an 8 out of 10 and said what would make it a 9 is '{wish}'.",
                 "{child} talked about the future and what {sub} is looking forward to."],
           "w": ["{child} was quieter than usual and did not want to draw today.",
                 "{child} put 'when the grown-ups shout' in the house of worries."]}



# ---------------------------------------------------------------------------
# The families. Everything here is invented.
#
# people: (key, name, relationship, born, gender, ethnicity, pronoun set)
# child:  per-child details used in note text (school, likes, ...)
# cases:  one per child episode. rf = risk framework reviews: the ticks present at
#         the first assessment, then per-review changes ("+item" / "-item"), and
#         the engagement ratings in date order. Child-section items are written only
#         when the child is 12 or over on the assessment date.

HE = dict(sub="he", obj="him", pos="his", refl="himself")
SHE = dict(sub="she", obj="her", pos="her", refl="herself")

FAMILIES = [
  dict(
    key="okafor", ref="FAM-0001", name="Okafor family", address="14 Elm Road, Northfield",
    prac="prac-priya", cg="grace", net="blessing", other="daniel",
    people=[("grace", "Grace Okafor", "main_caregiver", "1983-09-02", "female", "Black British (Nigerian)", SHE),
            ("ada", "Ada Okafor", "child", "2014-03-15", "female", "Black British (Nigerian)", SHE),
            ("daniel", "Daniel Okafor", "sibling", "2005-12-19", "male", "Black British (Nigerian)", HE),
            ("blessing", "Blessing Adebayo", "other_adult", "1979-04-27", "female", "Black British (Nigerian)", SHE)],
    child=dict(ada=dict(school="Northfield Academy", staff="Mrs Byrne", role="attendance lead",
                        like="her drawings for the school art competition", club="art club",
                        worry="Mum being sad", wish="Mum laughing again")),
    health=["the GP with Grace, who asked me to come for support", "the school nurse drop-in with Ada"],
    offers=["have Ada on Wednesday evenings", "ring Grace every morning for the next month",
            "go with Grace to her next GP appointment"],
    cases=[dict(
        child="ada", referred="2025-10-20", source="school", need="N4", outcome="accepted",
        plans=[("cin", "2025-11-03", None)], traj="improving", themes=["mood", "attendance", "routines"],
        reason="attendance has fallen to 79% this term and staff say Ada seems tired and withdrawn",
        rf=dict(dates=["2025-11-03", "2026-02-03", "2026-05-05", "2026-08-04"],
                start="p_mental_health f_family_stress f_isolated_parent s_lack_social_support c_low_attendance "
                      "p_empathy_for_child p_lack_of_denial c_positive_family_relationships",
                steps=["-f_isolated_parent +f_supportive_network +p_responsible_for_issues",
                       "-s_lack_social_support -c_low_attendance +c_engagement_at_school +c_low_risk_taking",
                       "-f_family_stress +p_overcome_adversity"],
                ep=["compliant", "collaborative", "collaborative", "collaborative"],
                ec=[None, None, "compliant", "collaborative"]),
        wellbeing=[("2025-11-03", 3, 3, "Grace is low and isolated; Ada is worried about her mum and missing school."),
                   ("2026-05-05", 6, 6, "Grace is getting treatment and has her sister's support; mornings are calmer and Ada is in school.")],
        goals=[dict(k="w1", owner="worker", cat="emotional_wellbeing", text="Grace has treatment for her low mood and people she can call on a bad day", out="achieved", until=0.7),
               dict(k="w2", owner="worker", cat="education_employment", text="Ada's attendance is above 95% for a whole half term", out="achieved", until=0.8),
               dict(k="f1", owner="family", person="grace", cat="family_relationships", text="Mornings without arguments, and Ada at school on time", out="achieved", until=0.75,
                    pair=("w2", "different", True)),
               dict(k="f2", owner="family", person="ada", cat="success_happiness", text="Join art club and enter the school art competition", out="achieved", until=0.5),
               dict(k="f3", owner="family", person="grace", cat="education_employment", text="Get back into part-time work", set=0.45, out="active", p0=2)],
        milestones=[
            dict(on="2025-10-20T10:15", type="phone", dur=20, present="Grace (mother) by phone",
                 text="Referral from Northfield Academy: Ada's attendance has fallen to 79% this term and staff say she seems tired and withdrawn. "
                      "The school's safeguarding lead said Grace told them she is 'not coping'. I rang Grace, who agreed to a home visit this week "
                      "and said she was relieved someone had called."),
            dict(on="2026-01-13T14:00", type="school_meeting", dur=45, present="Grace (mother), Mrs Byrne (attendance lead)", id="okafor-amend",
                 text="Meeting at Northfield Academy with Mrs Byrne and Grace. Ada's attendance is up to 88% since half term. School will keep the "
                      "morning check-in going and have offered Ada a place at the Tuesday homework club. Next review meeting agreed for Tuesday 10 February.",
                 amend=dict(reason="Wrong date recorded for the next review meeting",
                            text="Meeting at Northfield Academy with Mrs Byrne and Grace. Ada's attendance is up to 88% since half term. School will keep the "
                                 "morning check-in going and have offered Ada a place at the Tuesday homework club. Next review meeting agreed for Tuesday 3 February "
                                 "(the same day as the CIN review).")),
            dict(on="2026-02-21T11:00", type="family_network_meeting", dur=100, present="Grace (mother), Ada, Daniel (brother), Blessing Adebayo (aunt)", seen=True,
                 text="Family network meeting at Grace's, on a Saturday so Daniel could come home from university. We went through the worries and what is "
                      "working well. Blessing offered to have Ada on Wednesday evenings and to ring Grace every morning for the next month. Daniel said he "
                      "had not known how hard things had been and will call his mum on Sundays. Ada drew the network on a big sheet of paper and put it on the fridge."),
            dict(on="2026-06-16T15:30", type="direct_work", dur=50, present="Ada", seen=True, alone=True, confidential=True,
                 text="Scrapbook session with Ada at school. The scrapbook is Ada's and stays private unless she agrees to share it. Ada made a page about the "
                      "people who help her: her mum, Aunty Blessing, Daniel and her friend Tolu. She wrote that she misses her mum's old job 'because Mum was "
                      "happy there'. She asked that this page stays between us for now; I explained when I would have to share something and she was fine with "
                      "that. We will carry on in two weeks."),
        ],
        wai=["2026-02-03", "2026-05-05"],
        po=[("2026-03-10", dict(collaboration=4, empathy=4, purposefulness=3, clarity=3, child_focus=4, overall=4),
             "Home visit observed with the family's agreement. Priya let Grace lead the agenda and brought Ada in with the drawing task; the purpose "
             "of the visit could have been stated more clearly at the start.")],
    )]),
  dict(
    key="nowak", ref="FAM-0002", name="Nowak family", address="Flat 3, 27 Station Road, Northfield",
    prac="prac-priya", cg="agnieszka", net="halina", other="lukasz", grand="halina",
    people=[("agnieszka", "Agnieszka Nowak", "main_caregiver", "1987-02-11", "female", "White Polish", SHE),
            ("zofia", "Zofia Nowak", "child", "2010-07-22", "female", "White Polish", SHE),
            ("kacper", "Kacper Nowak", "child", "2016-11-30", "male", "White Polish", HE),
            ("lukasz", "Łukasz Nowak", "other_adult", "1985-06-03", "male", "White Polish", HE),
            ("halina", "Halina Nowak", "other_adult", "1958-10-16", "female", "White Polish", SHE)],
    child=dict(zofia=dict(school="Northfield Academy", staff="Mr Lewandowski", role="head of year",
                          like="her GCSE art portfolio", club="art club", worry="Mum and Dad arguing", wish="a normal Saturday"),
               kacper=dict(school="Station Road Primary", staff="Miss Carter", role="class teacher",
                           like="the Lego set from his dad", club="football", worry="loud voices", wish="playing football with Dad")),
    health=["Kacper's hearing test at the community clinic", "the GP with Agnieszka about her sleep"],
    offers=["keep supervising Saturday contact at her flat", "be the children's first call if they are worried",
            "take the children to school on Agnieszka's early shifts"],
    cases=[dict(
        child=c, referred="2025-07-14", source="police", need="N1", outcome="accepted",
        plans=[("cp", "2025-08-28", "2026-02-10"), ("cin", "2026-02-11", None)], traj="improving",
        themes=["da_safety", "routines"] if c == "kacper" else ["da_safety", "attendance"],
        rf=dict(dates=["2025-08-28", "2025-11-25", "2026-02-10", "2026-05-12", "2026-08-11"],
                start="p_domestic_abuse_victim f_parental_conflict f_power_issues f_family_stress "
                      "p_empathy_for_child p_in_employment c_positive_family_relationships c_engagement_at_school c_low_risk_taking",
                steps=["-f_power_issues +p_lack_of_denial", "-f_parental_conflict +f_supportive_network",
                       "+p_overcome_adversity +p_responsible_for_issues", "-f_family_stress"],
                ep=["compliant", "compliant", "collaborative", "collaborative", "collaborative"],
                ec=["compliant", "collaborative", "collaborative", "collaborative", "collaborative"]),
        wellbeing=[("2025-08-28", 3, 3, "The family are shaken after the incident in July; Agnieszka is anxious and not sleeping."),
                   ("2026-02-10", 6, 6, "The house is calmer, contact is settled and Agnieszka says she feels 'like herself again'.")] if c == "kacper" else [],
        goals=([dict(k="w1", owner="worker", cat="residency_safety", text="The children are safe at home and Agnieszka's safety plan works without prompting", out="achieved", until=0.55),
                dict(k="w2", owner="worker", cat="family_relationships", text="Zofia and her mum talk through problems without shouting", out="active", p0=3),
                dict(k="f1", owner="family", person="agnieszka", cat="family_relationships", text="Zofia and I talk more and argue less", out="active", p0=3,
                     pair=("w2", "identical", True)),
                dict(k="f2", owner="family", person="zofia", cat="education_employment", text="Get a grade 6 in GCSE art", set=0.4, out="active", p0=4)]
               if c == "zofia" else
               [dict(k="w1", owner="worker", cat="residency_safety", text="Kacper has safe, regular time with his dad", out="achieved", until=0.6),
                dict(k="f1", owner="family", person="agnieszka", cat="success_happiness", text="Kacper joins the football team", out="achieved", until=0.45,
                     pair=("w1", "different", False)),
                dict(k="f2", owner="family", person="kacper", cat="other", text="Sleep in my own bed every night", out="achieved", until=0.35)]),
        milestones=[
            dict(on="2025-07-14T11:30", type="phone", dur=25, present="Agnieszka (mother) by phone",
                 text="Referral from police after a domestic abuse incident at the family home on Saturday night. Łukasz was arrested and has been released "
                      "on bail with conditions not to contact Agnieszka. Zofia and Kacper were at home; Zofia called the police. A strategy discussion was held "
                      "this morning and the social work team will lead the enquiries, with me as family practitioner. I rang Agnieszka, who agreed to a visit this week."),
            dict(on="2025-08-28T10:00", type="multi_agency_meeting", dur=120, present="Agnieszka (mother), IDVA, social worker, school, police, health visitor; Łukasz (father) separately",
                 text="Initial child protection conference. Both children are now subject to child protection plans under the category of emotional abuse. "
                      "Agnieszka came with her IDVA; Łukasz attended the second part separately. The plan: keep the safety plan up to date, the Freedom "
                      "Programme for Agnieszka, a behaviour change programme for Łukasz, and contact on Saturdays at Halina's flat. I will visit weekly."),
            dict(on="2026-02-10T10:00", type="multi_agency_meeting", dur=90, present="Agnieszka (mother), Łukasz (father), social worker, school, chair",
                 text="Review child protection conference. Everyone agreed the children no longer need child protection plans; they step down to a child in "
                      "need plan from tomorrow, with me as lead practitioner. Agnieszka said she was 'relieved but a bit scared'; we talked about what stays the "
                      "same. Zofia wrote a statement for the conference, which the chair read out with her permission."),
        ] + ([
            dict(on="2026-01-20T16:00", type="direct_work", dur=60, present="Zofia", seen=True, alone=True, confidential=True,
                 text="Scrapbook session with Zofia after school, at the library. Zofia writes in Polish and English and asked that her scrapbook stays "
                      "private; we agreed what I would need to share and why. She made a page about 'the night in July' and one about what she wants next "
                      "year, which is mostly about her friends and her art. She said she is proud she called the police. She chose not to share these pages "
                      "with her mum yet."),
        ] if c == "zofia" else [
            dict(on="2025-12-06T10:30", type="home_visit", dur=60, present="Kacper, Halina Nowak (grandmother), Łukasz (father) at handover", seen=True,
                 id="nowak-amend",
                 text="Saturday visit during contact at Halina's flat, as agreed at the core group. Kacper was excited to show his dad (Lukasz) the Lego set "
                      "they are building together. The handover from Agnieszka was calm and brief, through Halina as planned. Kacper said Saturdays are "
                      "'the best day'. Halina's contact diary is up to date.",
                 worries="Contact needs to stay calm and predictable for Kacper; any tension at handover is noticed by him.",
                 well="Halina manages handovers well and Kacper clearly enjoys the time with his dad.",
                 needs="Keep contact at Halina's on Saturdays; review at the next core group.",
                 amend=dict(reason="Name corrected: Kacper's father is Łukasz (the original note dropped the Ł)",
                            text="Saturday visit during contact at Halina's flat, as agreed at the core group. Kacper was excited to show his dad (Łukasz) "
                                 "the Lego set they are building together. The handover from Agnieszka was calm and brief, through Halina as planned. Kacper said "
                                 "Saturdays are 'the best day'. Halina's contact diary is up to date.")),
        ]),
        wai=["2025-11-26", "2026-03-03"],
        wai_child=(c == "zofia"),
    ) for c in ("zofia", "kacper")]),
  dict(
    key="nibhriain", ref="FAM-0003", name="Ní Bhriain family", address="6 Larch Close, Northfield",
    prac="prac-niamh", cg="zoe", net="padraig",
    people=[("zoe", "Zoë Ní Bhriain", "main_caregiver", "1988-05-30", "female", "White Irish", SHE),
            ("siobhan", "Siobhán Ní Bhriain", "child", "2013-01-09", "female", "White Irish", SHE),
            ("cian", "Cian Ní Bhriain", "child", "2019-04-02", "male", "White Irish", HE),
            ("padraig", "Pádraig Ó Briain", "other_adult", "1985-01-21", "male", "White Irish", HE)],
    child=dict(siobhan=dict(school="St Brendan's School", staff="Ms Doherty", role="school nurse",
                            like="the playlist she made for drama club", club="drama club", worry="Mum drinking", wish="Mum being okay"),
               cian=dict(school="Larch Close Primary", staff="Mrs Ahmed", role="class teacher",
                         like="his dinosaur drawings", club="swimming", worry="the dark", wish="Uncle Pádraig staying for tea")),
    health=["CAMHS with Siobhán and Zoë", "the community alcohol service with Zoë, at her request"],
    offers=["come on Tuesday and Friday evenings", "have the children for a sleepover once a month",
            "be Zoë's first call if she feels like drinking"],
    cases=[dict(
        child="siobhan", referred="2025-09-15", source="school_nurse", need="N5", outcome="accepted",
        plans=[("cin", "2025-09-29", "2026-06-30"), ("early_help", "2026-07-01", None)], traj="improving",
        themes=["teen_wellbeing", "alcohol"], say=dict(sib="Cian"),
        rf=dict(dates=["2025-09-29", "2026-01-05", "2026-03-30", "2026-06-29", "2026-09-28"],
                start="p_mental_health p_substance_abuse f_family_stress f_isolated_parent "
                      "p_empathy_for_child p_in_employment c_engagement_at_school c_low_risk_taking",
                steps=["-f_isolated_parent +f_supportive_network", "+p_lack_of_denial +c_positive_family_relationships",
                       "-p_substance_abuse +p_responsible_for_issues", "-f_family_stress"],
                ep=["tokenistic", "compliant", "collaborative", "collaborative", "collaborative"],
                ec=["compliant", "compliant", "collaborative", "collaborative", "collaborative"]),
        goals=[dict(k="w1", owner="worker", cat="emotional_wellbeing", text="Siobhán has regular support for her mental health and a safety plan she uses", out="achieved", until=0.55),
               dict(k="w2", owner="worker", cat="other", text="Zoë reduces her drinking and has a plan for lapses that the children are safe within", out="achieved", until=0.85),
               dict(k="f1", owner="family", person="zoe", cat="other", text="Stop drinking in the evenings", out="active", p0=2, pair=("w2", "different", True)),
               dict(k="f2", owner="family", person="siobhan", cat="success_happiness", text="Go back to drama club", out="achieved", until=0.7)],
        milestones=[
            dict(on="2025-09-15T13:00", type="phone", dur=30, present="Zoë (mother) by phone",
                 text="Referral from Ms Doherty, the school nurse at St Brendan's. Siobhán told her she has been feeling low and has self-harmed; she also said "
                      "her mum drinks most evenings and she often puts Cian to bed. CAMHS triage took place today. I rang Zoë, who was upset but agreed to meet this week."),
            dict(on="2026-02-24T15:45", type="direct_work", dur=55, present="Siobhán", seen=True, alone=True, confidential=True,
                 text="Scrapbook session with Siobhán at school. She has filled several pages since last time, mostly drawings and song lyrics she likes. She "
                      "talked about a day in January when she felt very low, how she used her safety plan and that she told her CAMHS worker. She asked for this "
                      "to stay in her scrapbook and not go in the family's notes; I explained I will record that the session happened and would share anything "
                      "that meant she was unsafe. She is proud of how she handled that day."),
            dict(on="2026-06-30T10:00", type="multi_agency_meeting", dur=75, present="Zoë (mother), Siobhán, Ms Doherty (school nurse), CAMHS worker, Pádraig (uncle)", seen=True,
                 text="CIN review at St Brendan's. Everyone agreed the CIN plan can end and the family move to an early help plan from tomorrow, with me staying "
                      "as lead practitioner for now. Zoë has not had a drink since March apart from one lapse she told us about, and Siobhán is doing well with "
                      "CAMHS. Siobhán asked for 'fewer meetings', which we have taken on board."),
        ],
        wai=["2026-01-05", "2026-03-30"], wai_child=True,
        po=[("2026-02-17", dict(collaboration=4, empathy=5, purposefulness=3, clarity=4, child_focus=4, overall=4),
             "Session with Siobhán observed with her agreement. Warm, unhurried and curious; Niamh checked what Siobhán wanted from the session. "
             "The plan for the next session was left a little open.")],
    ), dict(
        child="cian", referred="2025-09-15", source="school_nurse", need="N5", outcome="early_help",
        plans=[("early_help", "2025-09-29", "2026-09-30")], closed="2026-09-30",
        reason="Early help plan completed: Cian has a settled bedtime routine, Zoë is well supported and the family network is in place. Closed with the family's agreement; Siobhán's early help plan continues.",
        traj="improving", themes=["alcohol", "routines"], say=dict(sib="Siobhán"),
        rf=dict(dates=["2025-09-29", "2026-01-05", "2026-04-07", "2026-07-06"],
                start="p_mental_health p_substance_abuse f_family_stress f_isolated_parent p_empathy_for_child p_in_employment",
                steps=["-f_isolated_parent +f_supportive_network", "+p_lack_of_denial -p_substance_abuse", "-f_family_stress +p_responsible_for_issues"],
                ep=["tokenistic", "compliant", "collaborative", "collaborative"], ec=[]),
        goals=[dict(k="w1", owner="worker", cat="family_relationships", text="Cian has a settled bedtime with an adult there, every night", out="achieved", until=0.6),
               dict(k="f1", owner="family", person="zoe", cat="family_relationships", text="Cian and me have time together every day", out="achieved", until=0.8,
                    pair=("w1", "different", False))],
        milestones=[
            dict(on="2026-03-19T15:30", type="direct_work", dur=40, present="Cian", seen=True, alone=True, confidential=True,
                 text="Scrapbook session with Cian at school, using his drawing book. Cian drew his house with everyone in it and a big sun, and told me the "
                      "drawing is 'for me, not for everyone'. We agreed the book stays with him. He talked about bedtime stories with his mum and Uncle Pádraig's "
                      "visits, and said he is not scared at night any more."),
            dict(on="2026-09-30T12:00", type="other", dur=30, present="",
                 text="Closure summary. Cian's early help plan has ended with the family's agreement. Bedtime is settled, Zoë is well supported by Pádraig and "
                      "her peer group, and school have no concerns. Zoë knows how to get back in touch. Siobhán's early help plan continues with me."),
        ],
        wai=["2025-12-29", "2026-03-30"],
    )]),
  dict(
    key="hussain", ref="FAM-0004", name="Hussain family", address="41 Mill Lane, Eastgate",
    prac="prac-tom", cg="ayesha", net="nasreen", other="imran", grand="nasreen",
    people=[("ayesha", "Ayesha Hussain", "main_caregiver", "1986-03-08", "female", "British Pakistani", SHE),
            ("imran", "Imran Hussain", "other_adult", "1982-12-01", "male", "British Pakistani", HE),
            ("nasreen", "Nasreen Hussain", "other_adult", "1958-07-19", "female", "British Pakistani", SHE),
            ("yusuf", "Yusuf Hussain", "child", "2011-02-14", "male", "British Pakistani", HE),
            ("amira", "Amira Hussain", "child", "2015-09-10", "female", "British Pakistani", SHE),
            ("zain", "Zain Hussain", "sibling", "2024-06-01", "male", "British Pakistani", HE)],
    child=dict(yusuf=dict(school="Eastgate High School", staff="Mr Clarke", role="designated safeguarding lead",
                          like="the old moped engine he and his dad are fixing", club="the gym", worry="getting kicked out", wish="college"),
               amira=dict(school="Eastgate Primary", staff="Mrs Patel", role="class teacher",
                          like="her reading record", club="Brownies", worry="Yusuf being in trouble", wish="everyone at home being happy")),
    health=["the GP with Ayesha and Amira about Amira's sleep", "the youth health drop-in with Yusuf"],
    offers=["have Yusuf for tea after school on Mondays and Thursdays", "keep an eye out at the shops and tell Ayesha if she sees Yusuf there late",
            "look after Zain so Ayesha can go to school meetings"],
    cases=[dict(
        child="yusuf", referred="2025-11-10", source="school", need="N6", outcome="accepted",
        plans=[("cin", "2025-11-24", None)], traj="flat", themes=["behaviour"], say=dict(sib="Amira"),
        rf=dict(dates=["2025-11-24", "2026-02-23", "2026-05-26", "2026-08-24"],
                start="f_young_children f_family_stress s_violent_neighbourhood c_risk_taking c_excluded c_aggressive "
                      "p_empathy_for_child p_in_employment p_lack_of_denial f_supportive_partner f_supportive_network c_positive_family_relationships",
                steps=["-c_excluded +c_engagement_at_school", "+c_excluded -c_engagement_at_school", "-c_aggressive"],
                ep=["collaborative", "collaborative", "collaborative", "collaborative"],
                ec=["tokenistic", "tokenistic", "tokenistic", "tokenistic"]),
        goals=[dict(k="w1", owner="worker", cat="residency_safety", text="Yusuf is safe from exploitation and home by the agreed time", out="flat", p0=3),
               dict(k="w2", owner="worker", cat="education_employment", text="Yusuf is back in full-time education", out="flat", p0=2),
               dict(k="f1", owner="family", person="yusuf", cat="education_employment", text="Get on the mechanics course at college", out="active", p0=3,
                    pair=("w2", "different", True)),
               dict(k="f2", owner="family", person="ayesha", cat="family_relationships", text="Yusuf talks to us about where he goes", out="flat", p0=2)],
        milestones=[
            dict(on="2025-11-10T12:30", type="phone", dur=30, present="Ayesha (mother) by phone",
                 text="Referral from Eastgate High: Yusuf has had three fixed-term exclusions since September and staff have seen older young people waiting for "
                      "him outside school. Eastgate Primary were contacted as part of the checks and said Amira has been anxious and asking if her brother is in "
                      "trouble. I rang Ayesha, who said the family want help and asked that Imran be included."),
            dict(on="2026-03-17T14:00", type="multi_agency_meeting", dur=90, present="police exploitation lead, Eastgate High DSL, youth service, alternative provision", seen=False,
                 text="Contextual safeguarding meeting about the group of young people near the Eastgate shops, including Yusuf. Police will increase patrols "
                      "after school and the youth service will run a detached session on Thursdays. Yusuf's name will be shared only with the agencies present. "
                      "I will tell Ayesha and Imran what was agreed, as promised."),
        ],
        wai=["2026-02-23", "2026-05-26"], wai_child=True,
        ap=[("2025-11-24", "a_exploitation b_exclusion_neet b_behaviour_asb", "discuss",
             "Yusuf meets the exploitation concern in group A and two group B needs. Discuss at group supervision whether to refer to the adolescent "
             "support team now or let the CIN plan and school hold this for a few weeks."),
            ("2026-05-26", "a_exploitation b_exclusion_neet b_behaviour_asb b_missing", "refer",
             "Two late-night missing episodes in April and continued contact with older young people. Yusuf has agreed to meet a mentor from the "
             "adolescent support team.")],
        po=[("2026-09-15", dict(collaboration=3, empathy=4, purposefulness=3, clarity=3, child_focus=4), "Session with Yusuf and Ayesha observed. "
             "Tom kept Yusuf involved and picked up his interest in engines; the worries about evenings out were raised gently but not fully explored.")],
    ), dict(
        child="amira", referred="2025-11-10", source="school", need="N4", outcome="accepted",
        plans=[("cin", "2025-11-24", "2026-05-19"), ("none", "2026-05-20", "2026-06-17")], closed="2026-06-17",
        reason="Child in need plan ended at the May review: Amira is sleeping well, settled at school and less worried. Four weeks of light-touch contact followed with no concerns. Closed with the family's agreement; Yusuf's case stays open.",
        traj="improving", themes=["routines"], say=dict(sib="Yusuf"),
        rf=dict(dates=["2025-11-24", "2026-02-23", "2026-05-19"],
                start="f_young_children f_family_stress s_violent_neighbourhood p_empathy_for_child p_in_employment p_lack_of_denial f_supportive_partner f_supportive_network",
                steps=["-f_family_stress", "+p_responsible_for_issues"],
                ep=["collaborative", "collaborative", "collaborative"], ec=[]),
        goals=[dict(k="w1", owner="worker", cat="emotional_wellbeing", text="Amira feels less worried and sleeps through the night", out="achieved", until=0.8),
               dict(k="f1", owner="family", person="amira", cat="other", text="Not worry about Yusuf all the time", out="achieved", until=0.85,
                    pair=("w1", "identical", True))],
        milestones=[
            dict(on="2026-05-19T15:30", type="multi_agency_meeting", dur=60, present="Ayesha (mother), Imran (father), Mrs Patel (class teacher), school nurse",
                 text="CIN review for Amira. Amira is sleeping well, settled at school and no longer worried all the time about Yusuf. Everyone agreed her child "
                      "in need plan can end; her case stays open for four weeks of light-touch contact and then closes. Yusuf's plan continues."),
            dict(on="2026-06-17T12:00", type="other", dur=20, present="",
                 text="Closure summary. No concerns in the four weeks since Amira's plan ended. Ayesha and Amira both said they were happy for the case to close. "
                      "Amira keeps her 'worry jar' and knows she can talk to Mrs Patel at school."),
        ],
        wai=["2026-02-23"],
    )]),
  dict(
    key="walsh", ref="FAM-0005", name="Walsh family", address="Flat 12, Beacon House, Northfield",
    prac="prac-tom", cg="kayleigh", net="sandra", other="ryan", grand="sandra",
    people=[("kayleigh", "Kayleigh Walsh", "main_caregiver", "1998-01-24", "female", "White British", SHE),
            ("lilymae", "Lily-Mae Walsh", "child", "2022-10-14", "female", "White British", SHE),
            ("ryan", "Ryan Doyle", "other_adult", "1995-09-09", "male", "White British", HE),
            ("sandra", "Sandra Walsh", "other_adult", "1971-05-17", "female", "White British", SHE),
            ("kai", "Kai Walsh", "sibling", "2014-02-07", "male", "White British", HE)],
    child=dict(lilymae=dict(school="Little Acorns Nursery", staff="Jess", role="key person",
                            like="her toy ponies", club="nursery", worry="shouting", wish="more time at Nanna's house")),
    health=["the health visitor's developmental review with Kayleigh and Lily-Mae", "the dentist with Kayleigh and Lily-Mae"],
    offers=["have Lily-Mae to stay every Friday", "take Lily-Mae to nursery on Tuesdays and Thursdays",
            "be named in the safety plan as the adult Kayleigh calls"],
    cases=[dict(
        child="lilymae", referred="2025-11-17", source="health_visitor", need="N1", outcome="accepted",
        plans=[("cin", "2025-12-01", "2026-06-17"), ("cp", "2026-06-18", None)], traj="worsening",
        themes=["home_conditions", "substance", "nursery"], cp_from="2026-06-18",
        rf=dict(dates=["2025-12-01", "2026-03-03", "2026-06-02", "2026-09-01"],
                start="p_previous_social_care f_substance_abuse f_family_stress p_empathy_for_child f_supportive_network p_lack_of_denial",
                steps=["+p_mental_health -p_lack_of_denial", "+f_parental_conflict +p_own_needs_first +p_substance_abuse",
                       "+p_lack_of_denial +f_power_issues"],
                ep=["compliant", "tokenistic", "dissent", "tokenistic"], ec=[]),
        wellbeing=[("2025-12-01", 4, 4, "Kayleigh is tired and money is very tight, but she is warm with Lily-Mae and wants help."),
                   ("2026-06-02", 2, 3, "Things have got harder: home conditions have slipped and Kayleigh and Ryan are arguing more.")],
        goals=[dict(k="w1", owner="worker", cat="other", text="Lily-Mae goes to nursery for all her funded sessions", out="worse", p0=4),
               dict(k="w2", owner="worker", cat="residency_safety", text="Home is warm and clean and there is enough food every day", out="worse", p0=3),
               dict(k="f1", owner="family", person="kayleigh", cat="housing_independence", text="Get a bigger flat near my mum", out="flat", p0=2,
                    pair=("w2", "different", False)),
               dict(k="f2", owner="family", person="kayleigh", cat="other", text="Get social services out of our lives", out="worse", p0=3),
               dict(k="w3", owner="worker", cat="residency_safety", text="Lily-Mae's safety plan with Sandra is followed every week", set="2026-06-18", out="active", p0=2)],
        milestones=[
            dict(on="2025-11-17T09:45", type="phone", dur=25, present="Kayleigh (mother) by phone",
                 text="Referral from the health visitor after a home visit: the flat was cold, there was little food in the cupboards and Lily-Mae has missed "
                      "two appointments for her developmental review. The health visitor also said Kayleigh's partner, Ryan, smokes cannabis in the flat. "
                      "I rang Kayleigh, who was wary but agreed to a visit this week with the health visitor there too."),
            dict(on="2026-03-10T11:00", type="home_visit", dur=60, present="Kayleigh (mother), Lily-Mae", seen=True, id="walsh-amend",
                 text="Visit as planned. The flat was cold and there was washing piled in the kitchen. Kayleigh said she had been up in the night with Lily-Mae, "
                      "who has a cough, and had not had a chance to tidy. Lily-Mae was in pyjamas and showed me her ponies. Ryan was out. We talked about the "
                      "nursery sessions she has missed this month.",
                 worries="Kayleigh is not coping and the flat is a mess.",
                 well="Lily-Mae is affectionate with Kayleigh and went to her for comfort.",
                 needs="Lily-Mae back at nursery next week; gas top-up voucher today; visit again on Thursday.",
                 amend=dict(reason="Worry statement reworded with Kayleigh after she read the note; the first version was vague and judgemental",
                            worries="The flat was cold, there was little food in the fridge and the washing had built up. Kayleigh says she is exhausted, and Lily-Mae has missed four nursery sessions this month.")),
            dict(on="2026-06-05T14:00", type="multi_agency_meeting", dur=75, present="social work team manager, police, health visitor, nursery, Helen Chaudhry (ASW)",
                 text="Strategy discussion chaired by the social work team manager with police, the health visitor and nursery. Given the increase in cannabis use "
                      "at home, Lily-Mae's nursery attendance falling to under half of her sessions and the adults stepping back from the plan, child protection "
                      "enquiries will start. Helen and I will visit together on Monday to explain this to Kayleigh and Ryan."),
            dict(on="2026-06-08T10:00", type="home_visit", dur=80, present="Kayleigh (mother), Ryan Doyle (partner), Lily-Mae, Helen Chaudhry (ASW)", seen=True,
                 text="Joint visit with Helen to explain the strategy discussion and what happens next. Kayleigh was angry at first and then tearful; she said she "
                      "does not want to lose Lily-Mae. We were clear that the aim is for Lily-Mae to stay safely at home with her, and asked who could help. "
                      "Kayleigh named her mum, Sandra. Ryan listened but said little.",
                 worries="Lily-Mae is missing nursery, there is often not enough food, and cannabis use in the flat has increased.",
                 well="Kayleigh loves Lily-Mae and wants to keep her safe; Sandra is close by and willing to help.",
                 needs="Child protection conference on 18 June; Kayleigh to ask Sandra to come; Ryan to ring the drug service this week."),
            dict(on="2026-06-18T10:00", type="multi_agency_meeting", dur=120, present="Kayleigh (mother), Sandra Walsh (grandmother), social worker, health visitor, nursery, police, chair",
                 text="Initial child protection conference. Lily-Mae is now subject to a child protection plan under the category of neglect. Kayleigh came with "
                      "Sandra; Ryan did not attend. The plan: Lily-Mae at nursery every session, Ryan to re-engage with the drug service, Sandra to have "
                      "Lily-Mae two nights a week, and weekly visits from me and the social worker. Kayleigh said she would work with the plan."),
            dict(on="2026-09-17T10:00", type="multi_agency_meeting", dur=90, present="Kayleigh (mother), Sandra Walsh (grandmother), social worker, health visitor, nursery, chair",
                 text="Review child protection conference. Nursery attendance has improved to most sessions since July and Sandra's nights are happening. Ryan has "
                      "been to one drug service appointment out of four. The conference agreed the child protection plan should continue, with a review in three months."),
        ],
        wai=["2026-03-03", "2026-06-02"],
    )]),
  dict(
    key="campbell", ref="FAM-0006", name="Campbell family", address="9 Rowan Terrace, Northfield",
    prac="prac-tom", cg="fiona", net="isla", other="isla",
    people=[("fiona", "Fiona Campbell", "main_caregiver", "1980-11-03", "female", "White Scottish", SHE),
            ("lewis", "Lewis Campbell", "child", "2012-10-05", "male", "White Scottish", HE),
            ("isla", "Isla Campbell", "sibling", "2008-04-12", "female", "White Scottish", SHE)],
    child=dict(lewis=dict(school="Riverside School", staff="Mr Okoro", role="head of year",
                          like="football and the boxing gym", club="football training", worry="Mum stressing", wish="being left alone sometimes")),
    health=["the GP with Fiona and Lewis about Lewis's sleep", "the youth health drop-in with Lewis"],
    offers=["text Lewis on the nights she is home from college", "be the person Lewis calls if he does not want to call Fiona"],
    cases=[dict(
        child="lewis", n=1, referred="2025-02-11", source="school", need="N4", outcome="accepted",
        plans=[("cin", "2025-02-24", "2025-09-26")], closed="2025-09-26",
        reason="Child in need plan ended: goals achieved. Lewis's attendance has been 95% since Easter and he has settled into Year 8. Stepped down to universal services with school pastoral support.",
        traj="improving", themes=["attendance", "routines"],
        rf=dict(dates=["2025-02-24", "2025-05-27", "2025-08-26"],
                start="f_family_stress f_isolated_parent c_low_attendance p_in_employment p_empathy_for_child c_positive_family_relationships",
                steps=["-c_low_attendance +c_engagement_at_school", "-f_isolated_parent +f_supportive_network"],
                ep=["compliant", "collaborative", "collaborative"], ec=["tokenistic", "compliant", "collaborative"]),
        goals=[dict(k="w1", owner="worker", cat="education_employment", text="Lewis's attendance is back above 95%", out="achieved", until=0.75),
               dict(k="f1", owner="family", person="lewis", cat="success_happiness", text="Get into the school football team", out="achieved", until=0.6,
                    pair=("w1", "different", True))],
        milestones=[
            dict(on="2025-02-11T10:00", type="phone", dur=20, present="Fiona (mother) by phone",
                 text="Referral from Riverside School: Lewis's attendance has dropped to 71% since Christmas and he has been found in town during school hours "
                      "twice. Fiona works long days at the salon and said mornings have 'fallen apart'. She agreed to a visit this week."),
            dict(on="2025-09-26T12:00", type="other", dur=20, present="",
                 text="Closure summary. Lewis's attendance has been 95% since Easter and he is in the Year 8 football squad. Fiona has a morning routine that "
                      "works and Isla helps on Fiona's early days. The family and school agreed the plan could end; school pastoral support continues."),
        ],
        wai=["2025-05-27", "2025-08-26"], wai_child=True,
    ), dict(
        child="lewis", n=2, referred="2026-01-14", source="police", need="N5", outcome="accepted",
        plans=[("cin", "2026-01-26", None)], traj="improving", themes=["missing"],
        rf=dict(dates=["2026-01-26", "2026-04-27", "2026-07-27", "2026-10-26"],
                start="p_previous_social_care f_family_stress c_risk_taking c_aggressive p_in_employment p_empathy_for_child f_supportive_network c_engagement_at_school",
                steps=["-c_aggressive +c_positive_family_relationships", "-c_risk_taking +c_low_risk_taking", "+p_responsible_for_issues"],
                ep=["compliant", "collaborative", "collaborative", "collaborative"],
                ec=["tokenistic", "compliant", "compliant", "collaborative"]),
        goals=[dict(k="w1", owner="worker", cat="residency_safety", text="Lewis is safe when he is out and Fiona knows where he is", out="active", p0=2),
               dict(k="w2", owner="worker", cat="family_relationships", text="Lewis and Fiona sort out disagreements without Lewis leaving the house", out="active", p0=2),
               dict(k="f1", owner="family", person="lewis", cat="family_relationships", text="Fewer arguments with Mum about my phone", out="active", p0=3,
                    pair=("w2", "identical", True)),
               dict(k="f2", owner="family", person="lewis", cat="independent_living", text="Learn to cook three meals", out="dropped", until=0.4,
                    drop="Lewis said he would rather put his energy into boxing for now; agreed to drop this goal.")],
        milestones=[
            dict(on="2026-01-14T09:30", type="phone", dur=25, present="Fiona (mother) by phone",
                 text="Referral from police: Lewis was reported missing on Sunday night and found the next morning at a friend's flat in town. Lewis's case closed "
                      "in September, so this is a re-referral within twelve months of his last referral. Fiona asked for me again because she 'didn't want to "
                      "start over with someone new'. Visit booked for later this week, after school."),
        ],
        wai=["2026-04-27", "2026-07-27"], wai_child=True,
    )]),
  dict(
    key="mensah", ref="FAM-0007", name="Mensah family", address="22 Cedar Avenue, Eastgate",
    prac="prac-priya", cg="abena", net="kwame", other="kwame",
    people=[("abena", "Abena Mensah", "main_caregiver", "1990-08-14", "female", "Black British (Ghanaian)", SHE),
            ("kwame", "Kwame Mensah", "other_adult", "1988-02-02", "male", "Black British (Ghanaian)", HE),
            ("kojo", "Kojo Mensah", "child", "2017-05-20", "male", "Black British (Ghanaian)", HE),
            ("esi", "Esi Mensah", "sibling", "2021-01-30", "female", "Black British (Ghanaian)", SHE)],
    child=dict(kojo=dict(school="Cedar Avenue Primary", staff="Mrs Green", role="first-aid lead",
                         like="his football stickers", club="football", worry="", wish="")),
    cases=[dict(
        child="kojo", referred="2026-04-07", source="gp", need="N1", outcome="nfa",
        plans=[], closed="2026-04-08",
        reason="No further action: the injury has a clear explanation confirmed by the school's first-aid record, and there are no concerns about Kojo's care. Family given information about universal family support.",
        traj="improving", themes=[], manual_only=True,
        rf=dict(dates=["2026-04-07"], start="p_in_employment p_empathy_for_child p_lack_of_denial f_supportive_partner f_supportive_network",
                steps=[], ep=["collaborative"], ec=[]),
        goals=[],
        milestones=[
            dict(on="2026-04-07T09:40", type="phone", dur=35, present="Mrs Green (school), Abena (mother) by phone",
                 text="Referral from the GP: Kojo was seen yesterday with bruising to his shin and forearm, and the GP referred as a precaution. Kojo's school "
                      "have a first-aid record of a fall from the climbing frame on Friday afternoon that matches the injuries, and no other concerns. "
                      "I rang Abena, who gave the same account and was happy for me to visit today."),
            dict(on="2026-04-07T15:45", type="home_visit", dur=45, present="Abena (mother), Kwame (father), Kojo, Esi", seen=True, alone=True,
                 text="Visited with Abena's agreement. Kojo told me about the climbing frame with some pride ('I was nearly at the top') and, on his own, said "
                      "he feels safe at home. The home was warm and welcoming. Abena and Kwame were understandably worried by the referral; I explained why the "
                      "GP made it and what happens next.",
                 worries="None beyond the injury, which has a clear explanation confirmed by school.",
                 well="Kojo is happy, well cared for and close to both parents; the family took him to the GP straight away.",
                 needs="Discuss with my supervisor tomorrow; likely no further action. Send the family information about universal family support."),
            dict(on="2026-04-08T11:00", type="other", dur=15, present="",
                 text="Discussed with Helen Chaudhry (ASW), who agreed no further action. Rang Abena to let her know and to thank the family; she was relieved. "
                      "Letter and leaflet about local family support sent. Case closed today."),
        ],
    )]),
  dict(
    key="thompson", ref="FAM-0008", name="Thompson family", address="3 Holly Walk, Eastgate",
    prac="prac-tom", cg="marcia", net="paulette",
    people=[("marcia", "Marcia Thompson", "main_caregiver", "1978-06-21", "female", "Black British (Caribbean)", SHE),
            ("jayden", "Jayden Thompson", "child", "2009-12-01", "male", "Black British (Caribbean)", HE),
            ("andre", "Andre Thompson", "sibling", "2013-05-05", "male", "Black British (Caribbean)", HE),
            ("paulette", "Paulette Brown", "other_adult", "1975-03-30", "female", "Black British (Caribbean)", SHE)],
    child=dict(jayden=dict(school="Eastgate College", staff="Ms Reid", role="course tutor",
                           like="the music he has been making on his laptop", club="college", worry="arguing with Mum", wish="his own room back")),
    health=["the GP with Jayden for his asthma review", "the sexual health and wellbeing clinic with Jayden, at his request"],
    offers=["have Jayden for Sunday dinner every week", "be the person Jayden or Marcia can ring when things get heated"],
    cases=[dict(
        child="jayden", referred="2025-03-03", source="police", need="N5", outcome="accepted",
        plans=[("lac", "2025-03-05", "2026-03-15"), ("cin", "2026-03-16", None)], traj="improving",
        themes=["reunification"], say=dict(carer="his foster carer, Mrs Osei", sib="Andre"),
        rf=dict(dates=["2025-03-05", "2025-06-05", "2025-09-04", "2025-12-04", "2026-03-12", "2026-06-11", "2026-09-10"],
                start="p_previous_social_care f_family_stress f_parental_conflict s_lack_social_support c_risk_taking c_aggressive c_low_attendance p_in_employment",
                steps=["+p_empathy_for_child", "-c_low_attendance +c_engagement_at_school", "-c_aggressive +c_positive_family_relationships",
                       "-s_lack_social_support +f_supportive_network +p_responsible_for_issues", "-c_risk_taking +c_low_risk_taking -f_parental_conflict",
                       "+p_overcome_adversity"],
                ep=["tokenistic", "compliant", "compliant", "collaborative", "collaborative", "collaborative", "collaborative"],
                ec=["dissent", "tokenistic", "compliant", "compliant", "collaborative", "collaborative", "collaborative"]),
        goals=[dict(k="w1", owner="worker", cat="reunification", text="Jayden returns home safely, with a plan he and Marcia both agree", out="achieved", until=0.62),
               dict(k="f1", owner="family", person="marcia", cat="reunification", text="Have Jayden home for good", out="achieved", until=0.62,
                    pair=("w1", "identical", True)),
               dict(k="f2", owner="family", person="jayden", cat="education_employment", text="Start the construction course at college", out="achieved", until=0.35),
               dict(k="w2", owner="worker", cat="family_relationships", text="Jayden and Marcia can sort out arguments without Jayden leaving", set=0.3, out="active", p0=3),
               dict(k="f3", owner="family", person="jayden", cat="independent_living", text="Learn to budget my own money", set=0.6, out="active", p0=3)],
        milestones=[
            dict(on="2025-03-03T16:00", type="phone", dur=40, present="Marcia (mother), Jayden, police officer",
                 text="Referral from police: Jayden refused to go home after an argument with his mum at the weekend and has been staying with friends. Marcia "
                      "says she cannot have him home at the moment. With everyone's agreement Jayden will be accommodated under section 20 with a foster carer, "
                      "Mrs Osei, from Wednesday. I will work with Jayden and Marcia alongside his social worker."),
            dict(on="2026-03-12T16:00", type="multi_agency_meeting", dur=90, present="Jayden, Marcia (mother), Mrs Osei (foster carer), social worker, independent reviewing officer", seen=True,
                 text="Looked-after review. Everyone, including Jayden and Marcia, agreed that Jayden moves home on Sunday 15 March and his section 20 "
                      "accommodation ends. He will have a child in need plan from Monday, with me as lead practitioner. Jayden thanked Mrs Osei, who said he is "
                      "welcome to visit."),
            dict(on="2026-03-15T13:00", type="home_visit", dur=120, present="Jayden, Marcia (mother), Andre (brother)", seen=True, alone=True,
                 text="Helped Jayden move his things home from Mrs Osei's. His room is ready and Andre had made a sign for the door. We went through the house "
                      "rules Jayden and Marcia wrote together and who Jayden will ring if things get heated (Aunt Paulette first, then me).",
                 worries="The first weeks home are when an argument could unsettle things.",
                 well="Jayden and Marcia both wanted this and planned it together.",
                 needs="Visit twice a week for the first month; CIN plan meeting on 23 March."),
        ],
        wai=["2025-12-04", "2026-06-11"], wai_child=True,
        ap=[("2025-11-20", "a_edge_of_care b_significant_history b_missing", "refer",
             "Jayden is looked after and planning to return home; a mentor through the move home would help. Jayden asked for 'someone who isn't "
             "from social services'.")],
        po=[("2026-01-13", dict(collaboration=3, empathy=4, purposefulness=4, clarity=3, child_focus=3, overall=3),
             "Family time planning session with Jayden and Marcia observed. Clear purpose and good pace; Tom could have drawn more on Jayden's "
             "own ideas before offering his.")],
    )]),
  dict(
    key="evans", ref="FAM-0009", name="Evans family", address="18 Castle Hill, Northfield",
    prac="prac-niamh", cg="rhian", net="bethan", other="gareth",
    people=[("rhian", "Rhian Evans", "main_caregiver", "1989-12-12", "female", "White Welsh", SHE),
            ("osian", "Osian Evans", "child", "2015-02-02", "male", "White Welsh", HE),
            ("cerys", "Cerys Evans", "child", "2018-06-11", "female", "White Welsh", SHE),
            ("gareth", "Gareth Evans", "other_adult", "1987-07-07", "male", "White Welsh", HE),
            ("bethan", "Bethan Morgan", "other_adult", "1966-02-18", "female", "White Welsh", SHE)],
    child=dict(osian=dict(school="Castle Hill Primary", staff="Mrs Pritchard", role="deputy head",
                          like="his Cubs badges", club="Cubs", worry="Cerys waking up in the night", wish="Mum being home at night"),
               cerys=dict(school="Castle Hill Primary", staff="Miss Owen", role="class teacher",
                          like="her rabbit Moss", club="gymnastics", worry="Mum going to work", wish="a sleepover at Dad's")),
    health=["the GP with Rhian and Cerys about Cerys's eczema", "the school nurse with Osian about his sleep"],
    offers=["be the back-up if the sitter cancels", "do the school run after Rhian's night shifts"],
    cases=[dict(
        child=c, referred="2025-12-08", source="school", need="N8", outcome="accepted",
        plans=[("cin", "2025-12-15", None)], traj="flat", themes=["night_care", "attendance"] if c == "osian" else ["night_care", "routines"],
        say=dict(eldest="Osian", youngest="Cerys", sib="Cerys" if c == "osian" else "Osian"),
        rf=dict(dates=["2025-12-15", "2026-03-16", "2026-06-15", "2026-09-14"],
                start="f_isolated_parent f_family_stress s_lack_social_support p_in_employment p_empathy_for_child p_lack_of_denial",
                steps=["+f_supportive_network", "+f_parental_conflict", "-f_parental_conflict"],
                ep=["compliant", "compliant", "compliant", "compliant"], ec=[]),
        goals=([dict(k="w1", owner="worker", cat="residency_safety", text="A safe childcare plan for every night Rhian works", out="drift", p0=2),
                dict(k="f1", owner="family", person="rhian", cat="education_employment", text="Get day shifts at work", out="drift", p0=2,
                     pair=("w1", "different", True)),
                dict(k="f2", owner="family", person="osian", cat="success_happiness", text="Go to Cubs every week", out="achieved", until=0.35)]
               if c == "osian" else
               [dict(k="w1", owner="worker", cat="residency_safety", text="Cerys is always looked after by an adult overnight", out="drift", p0=2),
                dict(k="f1", owner="family", person="cerys", cat="family_relationships", text="More time with Dad", out="drift", p0=3)]),
        milestones=[
            dict(on="2025-12-08T11:15", type="phone", dur=25, present="Rhian (mother) by phone",
                 text="Referral from Castle Hill Primary: Osian told a teaching assistant he had been 'in charge' of his sister overnight while his mum was at work, "
                      "and he has been late and tired on several mornings. I rang Rhian, who was upset and said she had run out of options when the sitter "
                      "cancelled. She agreed to a visit this week."),
            dict(on="2026-02-14T10:30", type="family_network_meeting", dur=90, present="Rhian (mother), Bethan Morgan (neighbour), Gareth (father) by video, Osian, Cerys", seen=True,
                 text="Family network meeting at Rhian's. Bethan offered to be the back-up when the sitter cancels and to do the school run after Rhian's night "
                      "shifts. Gareth joined by video from Cardiff and said he would look at having the children on some of Rhian's work nights, but could not "
                      "commit yet. The children drew who they can go to at night. The written back-up plan is on the fridge."),
        ] + ([
            dict(on="2026-03-03T13:30", type="school_meeting", dur=40, present="Rhian (mother), Mrs Pritchard (deputy head)", id="evans-amend",
                 text="Meeting at Castle Hill Primary with Mrs Pritchard and Rhian. Cerys has been late four times this month, each time after one of Rhian's night "
                      "shifts. School will let Osian come in through the breakfast club at no cost. Rhian is waiting to hear about day shifts.",
                 amend=dict(reason="Wrong child named: the lateness was Osian's, not Cerys's",
                            text="Meeting at Castle Hill Primary with Mrs Pritchard and Rhian. Osian has been late four times this month, each time after one of "
                                 "Rhian's night shifts. School will let Osian come in through the breakfast club at no cost. Rhian is waiting to hear about day shifts.")),
            dict(on="2026-04-14T15:30", type="direct_work", dur=45, present="Osian", seen=True, alone=True, confidential=True,
                 text="Scrapbook session with Osian at school. Osian made a page called 'night time' with a drawing of him and Cerys watching cartoons and "
                      "a clock. He said he does not mind looking after Cerys 'but sometimes I can't sleep in case she wakes up'. He asked that his mum does not "
                      "see this page because he does not want her to feel bad; I explained that the worry itself is already known and is what we are working on."),
        ] if c == "osian" else []),
        wai=["2026-03-16", "2026-06-15"],
    ) for c in ("osian", "cerys")]),
  dict(
    key="karim", ref="FAM-0010", name="Karim family", address="55 Kingsmead Road, Eastgate",
    prac="prac-marcus", cg="rumana", net="rahim", other="abdul",
    people=[("rumana", "Rumana Begum", "main_caregiver", "1985-04-04", "female", "British Bangladeshi", SHE),
            ("abdul", "Abdul Karim", "other_adult", "1979-09-15", "male", "British Bangladeshi", HE),
            ("rahim", "Rahim Karim", "sibling", "2007-03-03", "male", "British Bangladeshi", HE),
            ("tahmid", "Tahmid Karim", "child", "2012-11-20", "male", "British Bangladeshi", HE),
            ("safiya", "Safiya Karim", "child", "2014-09-28", "female", "British Bangladeshi", SHE)],
    child=dict(tahmid=dict(school="Kingsmead School", staff="Mr Ali", role="form tutor",
                           like="the football cards he swaps with his friends", club="football", worry="Abba getting worse", wish="a room of his own"),
               safiya=dict(school="Kingsmead School", staff="Ms Frost", role="head of year",
                           like="her maths homework", club="homework club", worry="being picked up late", wish="a bigger house")),
    health=["the renal unit with Rumana and Abdul to ask about hospital transport", "the GP with Safiya about her asthma"],
    offers=["do the school pick-up on dialysis days", "help with the housing bids online"],
    cases=[dict(
        child=c, referred="2025-11-24", source="school", need="N4", outcome="accepted",
        plans=[("cin", "2025-12-08", "2026-06-10"), ("early_help", "2026-06-11", None)], traj="improving",
        themes=["young_carer", "housing"] if c == "tahmid" else ["housing", "routines"],
        say=dict(sib="Safiya" if c == "tahmid" else "Tahmid"),
        rf=dict(dates=["2025-12-08", "2026-03-09", "2026-06-08", "2026-09-29"],
                start="f_family_stress s_lack_social_support p_in_employment p_empathy_for_child p_lack_of_denial f_supportive_partner "
                      "c_positive_family_relationships c_low_risk_taking",
                steps=["+c_engagement_at_school", "-s_lack_social_support +f_supportive_network", "-f_family_stress +p_overcome_adversity"],
                ep=["compliant", "collaborative", "collaborative", "collaborative"],
                ec=["compliant", "collaborative", "collaborative", "collaborative"]),
        wellbeing=[("2025-12-08", 4, 5, "A close family under a lot of strain: Abdul's dialysis, overcrowding and Tahmid's caring."),
                   ("2026-06-08", 7, 7, "Rehousing agreed, hospital transport in place and Tahmid at the young carers group; much less strain.")] if c == "tahmid" else [],
        goals=([dict(k="w1", owner="worker", cat="emotional_wellbeing", text="Tahmid has time for himself and is not tired at school", out="achieved", until=0.6),
                dict(k="w2", owner="worker", cat="housing_independence", text="The family are rehoused somewhere that meets Abdul's health needs", out="achieved", until=0.62),
                dict(k="f1", owner="family", person="rumana", cat="housing_independence", text="A bigger home with a room for the boys", out="achieved", until=0.62,
                     pair=("w2", "identical", True)),
                dict(k="f2", owner="family", person="tahmid", cat="success_happiness", text="Play football for the school team", out="achieved", until=0.5)]
               if c == "tahmid" else
               [dict(k="w1", owner="worker", cat="family_relationships", text="Safiya is collected on time and has a trusted adult at school", out="achieved", until=0.45),
                dict(k="f1", owner="family", person="safiya", cat="education_employment", text="Get into the top set for maths", out="active", p0=4)]),
        milestones=[
            dict(on="2025-11-24T10:30", type="phone", dur=25, present="Rumana (mother) by phone",
                 text="Referral from Kingsmead School: Tahmid often falls asleep in lessons and told his form tutor he helps his dad, who has kidney failure and "
                      "dialysis three times a week. Safiya is doing well but is sometimes collected late. I rang Rumana, who agreed to a visit and asked if we could "
                      "help with housing."),
            dict(on="2026-06-08T16:00", type="multi_agency_meeting", dur=75, present="Rumana (mother), Abdul (father), Tahmid, Safiya, Mr Ali (form tutor), young carers worker", seen=True,
                 text="CIN review. The family have been offered a three-bedroom house, hospital transport is in place and Tahmid goes to the young carers group "
                      "every week. Everyone agreed the CIN plan can end on Wednesday and the family move to an early help plan from Thursday, with me staying as "
                      "lead practitioner through the move."),
            dict(on="2026-06-22T15:30", type="home_visit", dur=60, present="Rumana (mother), Abdul (father), Tahmid, Safiya, Rahim (brother)", seen=True,
                 text="First visit to the new house on moving day. Boxes everywhere, but the boys have a room together and Safiya has her own small room, which "
                      "she showed me with pride. Abdul's bedroom is downstairs near the bathroom, as the renal team asked. Rumana said it is 'the first time in "
                      "years I have slept properly'.",
                 worries="The move is a big change; Abdul's transport needs re-booking from the new address.",
                 well="The family have a home with enough space, and everyone helped with the move.",
                 needs="Re-book hospital transport for the new address; update schools; next visit in two weeks."),
        ],
        wai=["2026-03-09", "2026-06-08"], wai_child=(c == "tahmid"),
    ) for c in ("tahmid", "safiya")]),
  dict(
    key="mwangi", ref="FAM-0011", name="Mwangi family", address="7 Orchard Street, Northfield",
    prac="prac-priya", cg="joseph", net="njeri",
    people=[("joseph", "Joseph Mwangi", "main_caregiver", "1981-01-15", "male", "Black British (Kenyan)", HE),
            ("wanjiru", "Wanjiru Mwangi", "child", "2016-03-03", "female", "Black British (Kenyan)", SHE),
            ("njeri", "Njeri Kamau", "other_adult", "1984-10-10", "female", "Black Kenyan", SHE)],
    child=dict(wanjiru=dict(school="St Mary's Primary", staff="Mrs O'Neill", role="pastoral lead",
                            like="the memory box she has been decorating", club="choir", worry="forgetting Mum's voice", wish="Dad not being sad")),
    health=["the GP with Joseph, who wanted support to talk about his sleep", "the dentist with Joseph and Wanjiru"],
    offers=["do the school pick-up on Tuesdays and Thursdays", "have Wanjiru for a sleepover once a month so Joseph can rest"],
    cases=[dict(
        child="wanjiru", referred="2025-10-06", source="school", need="N4", outcome="accepted",
        plans=[("cin", "2025-10-20", "2026-07-30")], closed="2026-07-30",
        reason="Child in need plan ended: goals achieved. Wanjiru is settled and has bereavement support; Joseph has a reliable school-run plan and a support network. Closed with the family's agreement.",
        traj="improving", themes=["bereavement", "routines", "mood"], say=dict(mum="Mary"),
        rf=dict(dates=["2025-10-20", "2026-01-19", "2026-04-20", "2026-07-20"],
                start="p_mental_health f_family_stress f_isolated_parent s_lack_social_support p_in_employment p_empathy_for_child",
                steps=["-f_isolated_parent +f_supportive_network", "-s_lack_social_support +p_lack_of_denial",
                       "-p_mental_health -f_family_stress +p_overcome_adversity"],
                ep=["compliant", "collaborative", "collaborative", "collaborative"], ec=[]),
        wellbeing=[("2025-10-20", 3, 2, "Joseph and Wanjiru are grieving; Joseph is exhausted and not sleeping."),
                   ("2026-07-20", 7, 6, "Joseph has a support network and his hours suit the school run; Wanjiru talks about her mum and is settled.")],
        goals=[dict(k="w1", owner="worker", cat="emotional_wellbeing", text="Wanjiru has bereavement support and can talk about her mum", out="achieved", until=0.6),
               dict(k="w2", owner="worker", cat="other", text="A reliable school-run plan that fits Joseph's work", out="achieved", until=0.7),
               dict(k="f1", owner="family", person="joseph", cat="other", text="Manage work and the school run without being late", out="achieved", until=0.75,
                    pair=("w2", "identical", True)),
               dict(k="f2", owner="family", person="wanjiru", cat="success_happiness", text="Make a memory book about Mum", out="achieved", until=0.5)],
        milestones=[
            dict(on="2025-10-06T14:00", type="phone", dur=25, present="Joseph (father) by phone",
                 text="Referral from St Mary's Primary: Wanjiru's mum, Mary, died in June after a short illness. Wanjiru has been late most days, is sometimes "
                      "collected late, and has been upset in class. I rang Joseph, who agreed to a visit and said he 'doesn't know where to start'."),
            dict(on="2026-07-30T11:00", type="other", dur=20, present="",
                 text="Closure summary. At the July review everyone agreed the plan's goals had been met. Wanjiru is settled at school and still sees the bereavement "
                      "worker; Joseph works days and does the school run, with Njeri and the church as back-up. Joseph and Wanjiru made me a card. Closed with the family's agreement."),
        ],
        wai=["2026-01-19", "2026-04-20"],
    )]),
  dict(
    key="popescu", ref="FAM-0012", name="Popescu family", address="31 Kingsmead Road, Eastgate",
    prac="prac-marcus", cg="ioana", net="mihai", other="mihai",
    people=[("ioana", "Ioana Popescu", "main_caregiver", "1990-12-05", "female", "White Romanian", SHE),
            ("stefan", "Ștefan Popescu", "child", "2011-06-18", "male", "White Romanian", HE),
            ("ana", "Ana Popescu", "child", "2020-01-25", "female", "White Romanian", SHE),
            ("mihai", "Mihai Ionescu", "other_adult", "1986-08-28", "male", "White Romanian", HE)],
    child=dict(stefan=dict(school="Kingsmead School", staff="Mrs Hall", role="pastoral lead",
                           like="the bike he is fixing up", club="basketball", worry="not enough food", wish="the school trip to France"),
               ana=dict(school="Kingsmead Primary", staff="Miss Lee", role="class teacher",
                        like="her sticker book", club="dance", worry="the dark", wish="a pet cat")),
    health=["the GP with Ioana and Ana for Ana's vaccinations", "the optician with Ștefan, who needed new glasses"],
    offers=["come home every other weekend instead of once a month", "take over the weekly shop when he is home"],
    cases=[dict(
        child=c, referred="2026-01-19", source="school", need="N1", outcome="accepted",
        plans=[("cin", "2026-02-02", None)], traj="improving",
        themes=["home_conditions", "routines"], say=dict(sib="Ana" if c == "stefan" else "Ștefan"),
        rf=dict(dates=["2026-02-02", "2026-05-05", "2026-08-03"],
                start="f_family_stress f_isolated_parent s_lack_social_support p_in_employment p_empathy_for_child c_engagement_at_school c_low_risk_taking",
                steps=["+p_lack_of_denial +p_responsible_for_issues", "-f_family_stress +f_supportive_partner +c_positive_family_relationships"],
                ep=["tokenistic", "compliant", "collaborative"], ec=["compliant", "collaborative", "collaborative"]),
        wellbeing=[("2026-02-02", 3, 4, "Ioana is working long hours and managing alone most of the month; money runs out before payday."),
                   ("2026-08-03", 6, 6, "Budgeting plan working, Mihai home more often, and the house is in good order.")] if c == "stefan" else [],
        goals=([dict(k="w1", owner="worker", cat="other", text="There is always food in the house and Ștefan has clean school clothes", out="active", p0=3),
                dict(k="f1", owner="family", person="ioana", cat="independent_living", text="Budget so the money lasts the whole month", out="active", p0=2,
                     pair=("w1", "different", True)),
                dict(k="f2", owner="family", person="stefan", cat="success_happiness", text="Go on the school trip to France", out="achieved", until=0.5)]
               if c == "stefan" else
               [dict(k="w1", owner="worker", cat="other", text="Ana has clean clothes and a bedtime routine", out="active", p0=3),
                dict(k="f1", owner="family", person="ioana", cat="family_relationships", text="Read with Ana every night", out="active", p0=4)]),
        milestones=[
            dict(on="2026-01-19T13:15", type="phone", dur=25, present="Ioana (mother) by phone",
                 text="Referral from Kingsmead School: Ștefan has come to school hungry several times and said there is not much food at home, and his PE kit has "
                      "not been washed for weeks. Ana's school say she is doing well but often wears the same clothes. I rang Ioana, who asked for a Romanian "
                      "interpreter for the first meeting; arranged for later this week."),
        ],
        wai=["2026-05-05", "2026-08-03"], wai_child=(c == "stefan"),
        po=[("2026-04-21", dict(collaboration=3, empathy=3, purposefulness=3, clarity=2, child_focus=3, overall=3),
             "Home visit observed. Friendly and practical; the worry about food was talked around rather than named. Agreed Marcus will use the "
             "three questions more explicitly with Ioana.")] if c == "stefan" else [],
    ) for c in ("stefan", "ana")]),
]


# A thirteenth family: early help only, after the parents separated.
THEMES["coparenting"] = dict(
    label="the arrangements with {other}",
    e=["{cg} and {other} separated in January and still argue about money and contact, sometimes in front of the children.",
       "{child} said {sub} hates going between two houses with {pos} things in a carrier bag.",
       "{cg} said {cgsub} asked for help {cgobj}self because {cgsub} could see the children were upset."],
    m=["{cg} and {other} have agreed a contact timetable through the family mediation service.",
       "{other} now collects the children from school on Wednesdays instead of from the house, which has stopped the doorstep arguments.",
       "{child} now has a second set of school uniform at {pos} dad's, which {sub} said makes a big difference."],
    l=["{cg} said she and {other} managed a parents' evening together without arguing.",
       "The contact timetable has held for three months and the children know it by heart."],
    worries=dict(e=["The children hear the adults arguing about money and contact."],
                 m=["Arrangements still wobble when either parent changes plans at short notice."],
                 l=["A new disagreement about money could unsettle the arrangements."]),
    well=dict(e=["Both parents love the children and want the arguing to stop."],
              m=["Handovers at school have taken the heat out of contact."],
              l=["The children know the timetable and say they feel less stuck in the middle."]),
    next=dict(e=["Referral to family mediation; agree a calm handover plan with both parents."],
              m=["Keep to the timetable; review it at the next Team Around the Family meeting."],
              l=["Plan the end of early help with both parents."]),
    phone=["{cg} said this week's handover went smoothly.",
           "{other} rang to ask about the mediation date; I gave him the service's number."],
)

FAMILIES.append(dict(
    key="nguyen", ref="FAM-0013", name="Nguyễn family", address="2 Willow Court, Northfield",
    prac="prac-marcus", cg="lan", net="tuan", other="tuan",
    people=[("lan", "Lan Nguyễn", "main_caregiver", "1984-07-19", "female", "British Vietnamese", SHE),
            ("minh", "Minh Nguyễn", "child", "2012-08-08", "male", "British Vietnamese", HE),
            ("linh", "Linh Nguyễn", "child", "2017-12-02", "female", "British Vietnamese", SHE),
            ("tuan", "Tuấn Trần", "other_adult", "1980-03-25", "male", "British Vietnamese", HE)],
    child=dict(minh=dict(school="Northfield Academy", staff="Ms Grant", role="head of year",
                         like="the robotics club project", club="robotics club", worry="Mum and Dad shouting", wish="one calendar for both houses"),
               linh=dict(school="Larch Close Primary", staff="Mr Bell", role="class teacher",
                         like="her swimming badges", club="swimming", worry="forgetting her reading book", wish="both parents at her swimming gala")),
    health=["the GP with Lan about her sleep, at her request"],
    offers=["collect the children from school on Wednesdays", "keep messages about money to email, not in front of the children"],
    cases=[dict(
        child=c, referred="2026-03-09", source="self_referral", need="N5", outcome="early_help",
        plans=[("early_help", "2026-03-23", None)], traj="improving",
        themes=["coparenting", "attendance"] if c == "minh" else ["coparenting", "routines"],
        say=dict(sib="Linh" if c == "minh" else "Minh"),
        rf=dict(dates=["2026-03-23", "2026-06-22", "2026-09-21"],
                start="f_parental_conflict f_family_stress p_in_employment p_empathy_for_child p_lack_of_denial "
                      "p_responsible_for_issues f_supportive_network c_engagement_at_school c_low_risk_taking",
                steps=["-f_parental_conflict +c_positive_family_relationships", "-f_family_stress"],
                ep=["collaborative", "collaborative", "collaborative"], ec=["compliant", "collaborative", "collaborative"]),
        goals=([dict(k="w1", owner="worker", cat="family_relationships", text="The children are kept out of the adults' disagreements", out="achieved", until=0.8),
                dict(k="f1", owner="family", person="lan", cat="family_relationships", text="Talk to Tuấn without arguing", out="active", p0=2,
                     pair=("w1", "identical", True)),
                dict(k="f2", owner="family", person="minh", cat="other", text="Keep my things at both houses so I don't carry bags", out="achieved", until=0.45)]
               if c == "minh" else
               [dict(k="w1", owner="worker", cat="emotional_wellbeing", text="Linh feels settled moving between her parents' homes", out="active", p0=3),
                dict(k="f1", owner="family", person="linh", cat="success_happiness", text="Go to swimming every Saturday, whichever house I'm at", out="achieved", until=0.5)]),
        milestones=[
            dict(on="2026-03-09T11:00", type="phone", dur=30, present="Lan (mother) by phone",
                 text="Self-referral through the Family Hub: Lan asked for help because she and Tuấn separated in January and the children are upset by "
                      "the arguing about contact and money. No safeguarding concerns in the checks with both schools. Offered early help, which Lan "
                      "accepted; she asked that Tuấn be invited too."),
        ],
        wai=["2026-06-22", "2026-09-21"], wai_child=(c == "minh"),
    ) for c in ("minh", "linh")]))


LABELS = {"daniel": "brother", "blessing": "aunt", "lukasz": "father", "halina": "grandmother",
          "padraig": "uncle", "imran": "father", "nasreen": "grandmother", "zain": "brother",
          "ryan": "mother's partner", "sandra": "grandmother", "kai": "brother", "isla": "sister",
          "kwame": "father", "esi": "sister", "andre": "brother", "paulette": "aunt", "gareth": "father",
          "bethan": "neighbour", "abdul": "father", "rahim": "brother", "njeri": "aunt",
          "mihai": "mother's partner", "zofia": "sister", "kacper": "brother", "siobhan": "sister",
          "cian": "brother", "yusuf": "brother", "amira": "sister", "osian": "brother", "cerys": "sister",
          "tahmid": "brother", "safiya": "sister", "stefan": "brother", "ana": "sister",
          "tuan": "father", "minh": "brother", "linh": "sister"}

# Plain-language phrases for risk framework changes, used in review notes.
ITEM_PHRASES = {
    "+f_supportive_network": "{net} is now part of the family's support network",
    "-f_isolated_parent": "{cg} is no longer managing alone",
    "+p_responsible_for_issues": "{cg} is taking ownership of the worries",
    "+p_lack_of_denial": "{cg} talks openly about the worries",
    "-p_lack_of_denial": "{cg} is playing the worries down",
    "-s_lack_social_support": "the family have more support around them",
    "+s_lack_social_support": "the family have less support around them",
    "-c_low_attendance": "{child}'s attendance is back to a good level",
    "+c_engagement_at_school": "{child} is engaging well at school",
    "-c_engagement_at_school": "{child} is less engaged at school again",
    "+c_low_risk_taking": "{child} is taking fewer risks",
    "-f_family_stress": "stress at home has eased",
    "+p_overcome_adversity": "{cg} has come through a very hard time",
    "-f_power_issues": "the controlling behaviour has stopped",
    "-f_parental_conflict": "the adults' conflict has settled",
    "+f_parental_conflict": "there is more conflict between the adults",
    "-p_substance_abuse": "{cg}'s drinking is no longer a current worry",
    "+p_substance_abuse": "{cg} is using cannabis too",
    "+c_positive_family_relationships": "{child}'s relationships at home are good",
    "-c_excluded": "{child} has had no exclusions this term",
    "+c_excluded": "{child} has been excluded again",
    "-c_aggressive": "{child} has not been aggressive lately",
    "-c_risk_taking": "{child}'s risk-taking has reduced",
    "+p_mental_health": "{cg}'s mental health has become a worry",
    "-p_mental_health": "{cg}'s mood is much better",
    "+p_own_needs_first": "the adults' needs are coming before {child}'s",
    "-p_own_needs_first": "{child}'s needs are coming first again",
    "+f_power_issues": "there are signs of controlling behaviour between the adults",
    "+f_supportive_partner": "{other} is now a real support at home",
    "+p_empathy_for_child": "{cg} is more attuned to how {child} feels",
}
ENGAGEMENT_WORDS = {"collaborative": "collaborative (a strong wish for change)",
                    "compliant": "compliant (attends and takes on advice)",
                    "tokenistic": "tokenistic (engages only when pushed)",
                    "dissent": "avoidant (denies the need for change)"}

PLAN_MEETING = {"cin": "Child in need review", "cp": "Core group meeting",
                "early_help": "Team Around the Family review", "lac": "Looked-after review",
                "none": "Review visit"}
PLAN_WORDS = {"cin": "child in need plan", "cp": "child protection plan", "early_help": "early help plan",
              "lac": "care plan", "none": "support"}


class Fmt(dict):
    """Placeholders for one case; a missing key is a bug in the templates."""

    def fill(self, template, **extra):
        merged = dict(self)
        merged.update(extra)
        return template.format_map(merged)


def first(name):
    return name.split()[0]


def pick(pools, phase):
    """The list for `phase` in a {phase: list} table, with fallbacks."""
    if isinstance(pools, list):
        return pools
    for ph in {"f": ["f", "m", "e"], "w": ["w", "m", "e"], "p": ["p", "w", "m", "e"], "l": ["l", "m", "e"],
               "m": ["m", "e"], "e": ["e", "m"]}[phase]:
        if pools.get(ph):
            return pools[ph]
    return []


class Picker:
    """Chooses sentences for one case without repeating recent ones."""

    def __init__(self, rng):
        self.rng = rng
        self.recent = []

    def one(self, options):
        options = [o for o in options if o]
        if not options:
            return None
        fresh = [o for o in options if o not in self.recent]
        choice = self.rng.choice(fresh or options)
        self.recent.append(choice)
        del self.recent[:-14]
        return choice

    def some(self, options, n):
        out = []
        for _ in range(n):
            c = self.one([o for o in options if o not in out])
            if c:
                out.append(c)
        return out


class Case:
    pass


def build_family(fs):
    fam_key = fs["key"]
    people = {}
    for key, name, rel, born, gender, eth, pron in fs["people"]:
        people[key] = dict(key=key, id=f"person-{fam_key}-{key}", name=name, rel=rel,
                           born=D(born), gender=gender, eth=eth, pron=pron)
    cases = []
    for spec in fs["cases"]:
        c = Case()
        c.spec = spec
        c.fam = fs
        c.child = people[spec["child"]]
        c.n = spec.get("n", 1)
        c.slug = f"{fam_key}-{spec['child']}"
        c.id = f"case-{c.slug}-{c.n}"
        c.start = D(spec["referred"])
        c.closed = D(spec["closed"]) if spec.get("closed") else None
        c.end = c.closed or YEAR_END
        c.plans = [(p, D(s), D(e) if e else None) for p, s, e in spec["plans"]]
        c.work_start = c.plans[0][1] if c.plans else c.start
        c.traj = spec["traj"]
        c.prac = spec.get("prac", fs["prac"])
        c.rng = rng_for(c.id)
        c.picker = Picker(c.rng)
        c.notes = []
        c.cp_from = D(spec["cp_from"]) if spec.get("cp_from") else None
        cases.append(c)
    return people, cases


def plan_on(c, d):
    for p, s, e in c.plans:
        if s <= d and (e is None or d <= e):
            return p
    return None


def phase_of(c, d):
    span = max(1, (c.end - c.work_start).days)
    f = (d - c.work_start).days / span
    if c.traj == "improving":
        return "e" if f < 0.3 else "m" if f < 0.66 else "l"
    if c.traj == "flat":
        return "e" if f < 0.2 else "f"
    # worsening: drifting down, then the plan changes; after the conference a
    # few first signs of change sit among the worries.
    if c.cp_from and d >= c.cp_from:
        return "p" if c.rng.random() < 0.4 else "w"
    return "e" if f < 0.3 else "m" if f < 0.5 else "w"


ATTENDANCE = {"e": (76, 84), "m": (86, 92), "f": (84, 88), "l": (93, 98), "w": (70, 78), "p": (74, 82)}


def fmt_for(c, people, d=None, phase="m"):
    fs = c.fam
    cg = people[fs["cg"]]
    ch = c.child
    info = fs["child"][ch["key"]]
    others = [p for p in people.values() if p["rel"] in ("child", "sibling") and p["key"] != ch["key"]]
    f = Fmt(
        cg=first(cg["name"]), cgsub=cg["pron"]["sub"], cgSub=cg["pron"]["sub"].capitalize(),
        cgpos=cg["pron"]["pos"], cgobj=cg["pron"]["obj"],
        child=first(ch["name"]), sub=ch["pron"]["sub"], Sub=ch["pron"]["sub"].capitalize(),
        obj=ch["pron"]["obj"], pos=ch["pron"]["pos"], Pos=ch["pron"]["pos"].capitalize(),
        refl=ch["pron"]["refl"],
        sib=first(others[0]["name"]) if others else "",
        net=first(people[fs["net"]]["name"]) if fs.get("net") else "",
        other=first(people[fs["other"]]["name"]) if fs.get("other") else "",
        grand=first(people[fs["grand"]]["name"]) if fs.get("grand") else "",
        school=info["school"], staff=info["staff"], role=info["role"], like=info["like"],
        club=info["club"], worry=info["worry"], wish=info["wish"],
        att=c.rng.randint(*ATTENDANCE[phase]),
        week=c.rng.choice(WEEK_WORDS[phase]), schoolweek=c.rng.choice(SCHOOL_WEEK[phase]),
    )
    f.update(c.spec.get("say", {}))
    return f


def child_band(c, d):
    a = age_on(c.child["born"], d)
    return "young" if a < 5 else "child" if a < 12 else "teen"


def present_list(people, keys):
    out = []
    for k in keys:
        p = people[k]
        if p["rel"] == "main_caregiver":
            label = "mother" if p["gender"] == "female" else "father"
        elif p["rel"] == "child":
            label = None
        else:
            label = LABELS.get(k)
        out.append(f"{first(p['name'])} ({label})" if label else first(p["name"]))
    return ", ".join(out)


# ---------------------------------------------------------------------------
# Notes.

TYPE_WEIGHTS = {"home_visit": 34, "phone": 17, "message": 12, "school_meeting": 8, "direct_work": 11,
                "health_appointment": 4, "office_visit": 4, "family_network_meeting": 2,
                "multi_agency_meeting": 2}
CHILD_TYPES = {"school_meeting", "direct_work", "health_appointment"}
DURATIONS = {"home_visit": (45, 110), "phone": (10, 30), "message": (2, 5), "school_meeting": (30, 60),
             "direct_work": (45, 70), "health_appointment": (40, 90), "office_visit": (45, 90),
             "family_network_meeting": (90, 140), "multi_agency_meeting": (60, 110), "other": (15, 30)}
HEALTH_OUT = ["The appointment went well and a follow-up is booked in six weeks.",
              "{cg} asked the questions {cgsub} had written down beforehand and said afterwards that {cgsub} felt listened to.",
              "On the way home we talked about the week; {cgsub} said it had been {week}.",
              "The appointment ran late, but {cg} stayed and said it was worth it."]
SCHOOL_GENERIC = {"e": ["Staff said {child} is quiet in class and often tired in the mornings.",
                        "School have not had much contact with {cg} before and were glad to meet."],
                  "m": ["Staff said {child} is more settled and joining in more.",
                        "School will keep the check-ins going and share any worries with me straight away."],
                  "f": ["Staff said little has changed since the last meeting.",
                        "School said {child} is fine in class but often tired after weekends."],
                  "w": ["Staff are worried that {child} is often absent and sometimes hungry."],
                  "l": ["Staff said {child} is doing well and they have no worries at the moment."]}
TEEN_PHONE = ["Called {child} after school to see how the week had gone; {sub} said it had been {week}.",
              "{child} texted to ask if we could meet at the café instead of at home this week; agreed."]
NETWORK_PLACES = ["{cg}'s home", "the family centre", "the community room at the library"]
QUOTES = ["it helps to have it written down", "{cgsub} wants to get on with it",
          "{cgsub} felt listened to", "{cgsub} was nervous beforehand but glad {cgsub} came"]


def add_note(c, when, ntype, dur, present, seen, alone, text, worries=None, well=None,
             needs=None, confidential=False, amend=None, tag=None):
    c.notes.append(dict(when=when, type=ntype, dur=dur, present=present, seen=seen, alone=alone,
                        text=text, worries=worries, well=well, needs=needs,
                        confidential=confidential, amend=amend, tag=tag))


def at(d, hh, mm=0):
    return dt.datetime(d.year, d.month, d.day, hh, mm)


TERM_ONLY = re.compile(r"after school|every day this week|in class|lessons|late three times|half term|"
                       r"this half|walked out|sent home from the alternative")


def theme_obs(c, f, ph, n, seen=True, adult_only=False, day=None):
    """n observations from the case's themes. Lines marked '@' need the child there;
    adult_only leaves out the child's own words (for a call with a parent)."""
    out = []
    themes = c.spec["themes"]
    for i in range(n):
        t = THEMES[themes[0] if i == 0 or len(themes) == 1 else c.rng.choice(themes)]
        pool = [x for x in pick({k: t.get(k) for k in "emflwp"}, ph)
                if (seen or not x.startswith("@")) and f.fill(x.lstrip("@")) not in out
                and not (adult_only and re.search(r"^\{child\} (said|told|talked|showed|was)|We talked|^We went", x))
                and not (day and school_holiday(day) and TERM_ONLY.search(x))]
        s = c.picker.one(pool)
        if s:
            out.append(f.fill(s.lstrip("@")))
    return out


def sos(c, f, ph, field, n):
    items = []
    for t in c.spec["themes"]:
        if field in THEMES[t]:
            items.extend(pick(THEMES[t][field], ph))
    return " ".join(f.fill(s) for s in c.picker.some(items, n)) or None


def label_of(c, f):
    themes = c.spec["themes"]
    return f.fill(THEMES[themes[0]]["label"]) if themes else "how things are"


def routine_note(c, people, d, ntype, hhmm, next_hv, health=None):
    ph = phase_of(c, d)
    f = fmt_for(c, people, d, ph)
    rng = c.rng
    band = child_band(c, d)
    f["label"] = label_of(c, f)
    f["next"] = long_date(next_hv) if next_hv else "next week"
    cg_key = c.fam["cg"]
    dur = rng.randint(*DURATIONS[ntype]) // 5 * 5
    if ntype == "phone":
        dur = rng.choice([10, 10, 15, 15, 20, 25, 30])
    elif ntype == "message":
        dur = rng.choice([2, 3, 5])
    seen = alone = False
    worries = well = needs = None
    present = None
    when = at(d, *hhmm)
    holiday = school_holiday(d)
    after_school = hhmm[0] >= 15 or d.weekday() >= 5 or holiday
    if ntype == "home_visit":
        seen = band == "young" or (after_school and rng.random() < 0.85)
        alone = seen and band != "young" and rng.random() < (0.4 if band == "teen" else 0.25)
        s = [f.fill(c.picker.one(OPENERS + (OPENERS_SEEN if seen and band != "young" else [])
                                 + (OPENERS_EARLY if ph == "e" else [])))]
        s += theme_obs(c, f, ph, rng.choice([2, 2, 3]), seen, day=d)
        if seen:
            s.append(f.fill(c.picker.one(CHILD_LINES[band])))
            if alone:
                s.append(f.fill(c.picker.one(pick(ALONE_LINES, ph))))
        elif band != "young":
            s.append(f.fill(c.picker.one(NOT_SEEN_LINES["after" if after_school else "day"])))
        if holiday and band != "young":
            s.insert(1, "School holidays this week.")
        if next_hv and rng.random() < 0.7:
            s.append(f.fill(c.picker.one(CLOSERS)))
        text = " ".join(s)
        worries = sos(c, f, ph, "worries", rng.choice([1, 1, 2]))
        well = sos(c, f, ph, "well", rng.choice([1, 2]))
        needs = sos(c, f, ph, "next", 1)
        keys = [cg_key, c.child["key"]] if seen else [cg_key]
        present = present_list(people, keys)
    elif ntype == "phone":
        if band == "teen" and rng.random() < 0.25:
            s = [f.fill(c.picker.one(TEEN_PHONE))]
            present = f"{f['child']} by phone"
        else:
            s = [f.fill(c.picker.one([m for m in PHONE_GENERIC if (next_hv or "{next}" not in m)
                                      and not (holiday and "{school}" in m)]))]
            present = f"{f['school']}" if s[0].startswith("Phone call with " + f["school"]) else f"{f['cg']} by phone"
        extra = []
        for t in c.spec["themes"]:
            extra += THEMES[t].get("phone", [])
        if s[0].startswith("Phone call with " + f["school"]):
            s.append(f.fill("I passed this on to {cg}."))
        elif extra and rng.random() < 0.5:
            s.append(f.fill(c.picker.one(extra)))
        else:
            s += theme_obs(c, f, ph, 1, False, adult_only=True, day=d)
        if len(s) < 2:
            s.append(f.fill(rng.choice(["Nothing new to report; next contact as planned.",
                                        "{cgSub} had no new worries and said {cgsub} would ring if anything changed."])))
        text = " ".join(s)
    elif ntype == "message":
        first_line, replies = c.picker.one([m for m in MESSAGES if next_hv or "{next}" not in m[0]])
        text = f.fill(first_line) + " " + f.fill(rng.choice(replies))
        present = f"{f['cg']} by text"
    elif ntype == "school_meeting":
        seen = band != "young" and rng.random() < 0.35
        s = [f"Meeting at {f['school']} with {f['staff']} ({f['role']}) and {f['cg']}."]
        pools = []
        for t in c.spec["themes"]:
            if "school" in THEMES[t]:
                pools += pick(THEMES[t]["school"], ph)
        pools += pick(SCHOOL_GENERIC, ph)
        s += [f.fill(x) for x in c.picker.some(pools, rng.choice([1, 2]))]
        if seen:
            s.append(f.fill("{child} joined us at the end and said {sub} was happy with what we agreed."))
        nxt = sos(c, f, ph, "next", 1)
        if nxt:
            s.append("Agreed: " + nxt)
        text = " ".join(s)
        present = present_list(people, [cg_key] + ([c.child["key"]] if seen else [])) + f", {f['staff']} ({f['role']})"
    elif ntype == "direct_work":
        seen = True
        alone = band != "young"
        place = rng.choice([x for x in DW_PLACES[band] if not (holiday and x in ("at school", "at nursery"))])
        tool = f.fill(rng.choice(DW_TOOLS[band]))
        s = [f"Direct work with {f['child']} {place}."]
        s.append(f"We used {tool} to talk about " + f.fill(rng.choice(DW_TOPICS[band])) + ".")
        said = c.picker.one(pick(DW_SAID, ph))
        if said:
            s.append(f.fill(said))
        if rng.random() < 0.5:
            s.append(f.fill(c.picker.one(CHILD_LINES[band])))
        if band == "young":
            s.append(f.fill("{cg} stayed in the room and joined in at the end."))
        text = " ".join(s)
        present = present_list(people, ([cg_key] if band == "young" else []) + [c.child["key"]])
    elif ntype == "health_appointment":
        h = health or f.fill("the GP with {cg}")
        seen = f["child"] in h
        s = [f"Went to {h}.", f.fill(c.picker.one(HEALTH_OUT))]
        s += theme_obs(c, f, ph, 1, False, day=d)
        text = " ".join(s)
        present = present_list(people, [cg_key] + ([c.child["key"]] if seen else []))
    elif ntype == "office_visit":
        s = [f.fill("{cg} came to the office to ") + rng.choice(OFFICE_TASKS) + "."]
        s += theme_obs(c, f, ph, 1, False, day=d)
        nxt = sos(c, f, ph, "next", 1)
        if nxt:
            s.append("Next step: " + nxt)
        text = " ".join(s)
        present = present_list(people, [cg_key])
    elif ntype == "family_network_meeting":
        seen = rng.random() < 0.6
        place = f.fill(rng.choice(NETWORK_PLACES))
        keys = [cg_key, c.fam["net"]] + ([c.child["key"]] if seen else [])
        present = present_list(people, keys)
        offer = rng.choice(c.fam.get("offers") or ["help where they can"])
        s = [f"Family network meeting at {place} with {present}.",
             "We went through the worries and what is working well together.",
             f.fill("{net} offered to ") + offer + "."]
        nxt = sos(c, f, ph, "next", 1)
        if nxt:
            s.append("Next steps: " + nxt)
        if seen and band == "young":
            s.append(f.fill("{child} played nearby and joined in for a while."))
        elif seen:
            s.append(f.fill("{child} joined for the second half and added {pos} own ideas to the plan."))
        text = " ".join(s)
    elif ntype == "multi_agency_meeting":
        plan = plan_on(c, d) or "cin"
        seen = band == "teen" and rng.random() < 0.3
        if plan == "cp":
            s = [f.fill("Core group meeting with {cg}, the social worker, {school} and the health visitor.")]
        elif plan == "early_help":
            s = [f.fill("Team Around the Family meeting at {school} with {cg} and the school's family support worker.")]
        elif plan == "lac":
            s = [f.fill("Placement planning meeting with {child}'s social worker and foster carer.")]
        else:
            s = [f.fill("Professionals' meeting with {school} and the GP surgery to share information ahead of the next review; {cg} agreed to it and had the notes afterwards.")]
        s += theme_obs(c, f, ph, 1, seen, day=d)
        nxt = sos(c, f, ph, "next", 1)
        if nxt:
            s.append("Actions: " + nxt)
        text = " ".join(s)
        present = present_list(people, [cg_key] + ([c.child["key"]] if seen else [])) + ", school, social worker"
    add_note(c, when, ntype, dur, present, seen, alone, text, worries, well, needs)


def rf_states(c):
    """The risk framework ticks at each review date: [(date, set, ep, ec, changes)]."""
    rf = c.spec["rf"]
    ticks = set(rf["start"].split())
    out = []
    for i, ds in enumerate(rf["dates"]):
        changes = []
        if i > 0 and i - 1 < len(rf["steps"]):
            for ch in rf["steps"][i - 1].split():
                if ch[0] == "+":
                    ticks.add(ch[1:])
                else:
                    ticks.discard(ch[1:])
                changes.append(ch)
        ec = rf["ec"][i] if i < len(rf["ec"]) else None
        out.append((D(ds), set(ticks), rf["ep"][i], ec, changes))
    return out


def auto_milestones(c, people):
    """Plan meetings, reviews and observed visits that every case has."""
    fixed = {D(m["on"][:10]) for m in c.spec.get("milestones", [])}
    f0 = fmt_for(c, people, c.work_start, "e")
    cg = f0["cg"]
    teen = child_band(c, c.work_start) == "teen"
    cg_key = c.fam["cg"]
    # The first plan's meeting, and later plan changes that no milestone explains.
    for i, (plan, s, e) in enumerate(c.plans):
        if plan == "none":
            continue
        if s in fixed or (i > 0 and any(abs((s - x).days) <= 3 for x in fixed)):
            continue
        goals = [g["text"] for g in c.spec.get("goals", []) if goal_set_on(c, g) == s]
        f = fmt_for(c, people, s, "e")
        name = {"cin": "Initial child in need meeting", "early_help": "Early help plan meeting",
                "lac": "Placement planning meeting", "cp": "Initial child protection conference"}[plan]
        venue = "the foster home" if plan == "lac" else "the family centre" if school_holiday(s) else f["school"]
        seen = teen or (plan == "lac")
        text = [f"{name} at {venue} with {cg}, {f['staff']} ({f['role']}) and the allocated social worker."]
        if goals:
            text.append("We wrote the plan together, in the family's own words where we could: " + "; ".join(f"'{g}'" for g in goals) + ".")
        text.append(f.fill("{cg} said " + c.rng.choice(QUOTES) + "."))
        if seen:
            text.append(f.fill("{child} came for the first part and said what {sub} wanted the plan to change."))
        text.append(f"The {PLAN_WORDS[plan]} starts today; I will visit at least weekly for the first six weeks.")
        add_note(c, at(s, 16 if teen else 10, 0), "multi_agency_meeting", 90,
                 present_list(people, [cg_key] + ([c.child["key"]] if seen else [])) + f", {f['staff']} ({f['role']}), social worker",
                 seen, False, " ".join(text), tag="plan")
        fixed.add(s)
    # Reviews: the risk framework is completed with the family at each one.
    states = rf_states(c)
    for i, (d, ticks, ep, ec, changes) in enumerate(states):
        if i == 0 or d in fixed or d > c.end:
            continue
        ph = phase_of(c, d)
        f = fmt_for(c, people, d, ph)
        plan = plan_on(c, d) or "none"
        title = PLAN_MEETING[plan]
        seen = child_band(c, d) == "teen" or c.rng.random() < 0.3
        venue = "the foster home" if plan == "lac" else "the family centre" if school_holiday(d) else f["school"]
        s = [f"{title} at {venue} with {cg} and the professionals involved."]
        over11 = age_on(c.child["born"], d) >= 12
        phrases = [f.fill(ITEM_PHRASES[ch]) for ch in changes
                   if ch in ITEM_PHRASES and (over11 or ch[1:] not in RF_CHILD_ITEMS)]
        if phrases:
            s.append("We went through the risk framework together. What has changed: " + "; ".join(phrases) + ".")
        else:
            s.append("We went through the risk framework together; not much has changed since the last review.")
        s.append(f"{cg}'s engagement: {ENGAGEMENT_WORDS[ep]}.")
        if ec and age_on(c.child["born"], d) >= 12:
            s.append(f"{f['child']}'s engagement: {ENGAGEMENT_WORDS[ec]}.")
        s += theme_obs(c, f, ph, 1, seen, day=d)
        s.append({"improving": f"The {PLAN_WORDS[plan]} continues, with the next review in three months.",
                  "flat": f"Progress has been slow; the {PLAN_WORDS[plan]} continues and the next review is in three months.",
                  "worsening": f"The worries are growing; the {PLAN_WORDS[plan]} continues and the case will go to group supervision."}[c.traj])
        add_note(c, at(d, 16 if seen else 10, 0 if seen else 30), "multi_agency_meeting", c.rng.randint(60, 90),
                 present_list(people, [cg_key] + ([c.child["key"]] if seen else [])) + ", school, health, social worker",
                 seen, False, " ".join(s),
                 worries=sos(c, f, ph, "worries", 2), well=sos(c, f, ph, "well", 2), needs=sos(c, f, ph, "next", 1),
                 tag="review")
        fixed.add(d)
    # Visits observed by the supervisor (practice observation).
    for ds, _, _ in c.spec.get("po", []):
        d = D(ds)
        ph = phase_of(c, d)
        f = fmt_for(c, people, d, ph)
        f["label"] = label_of(c, f)
        s = [f.fill("Visit observed by Helen Chaudhry (ASW) for practice development, with {cg}'s agreement.")]
        s += theme_obs(c, f, ph, 2)
        s.append(f.fill(c.picker.one(CHILD_LINES[child_band(c, d)])))
        s.append(f.fill("Afterwards {cg} said it was fine having Helen there."))
        add_note(c, at(d, 16, 0), "home_visit", 75,
                 present_list(people, [cg_key, c.child["key"]]) + ", Helen Chaudhry (ASW)", True, False, " ".join(s),
                 worries=sos(c, f, ph, "worries", 1), well=sos(c, f, ph, "well", 2), needs=sos(c, f, ph, "next", 1), tag="po")
        fixed.add(d)
    return fixed


def goal_set_on(c, g):
    s = g.get("set")
    if s is None:
        return c.work_start
    if isinstance(s, str):
        return D(s)
    return c.work_start + dt.timedelta(days=int(s * (c.end - c.work_start).days))


def milestone_notes(c, people):
    for m in c.spec.get("milestones", []):
        when = dt.datetime.fromisoformat(m["on"])
        add_note(c, when, m["type"], m.get("dur"), m.get("present") or None, m.get("seen", False),
                 m.get("alone", False), m["text"], m.get("worries"), m.get("well"), m.get("needs"),
                 m.get("confidential", False), m.get("amend"), tag=m.get("id", "milestone"))


def note_time(rng, ntype, d, school_age):
    wk = d.weekday() >= 5
    if ntype == "home_visit":
        if wk:
            return (rng.choice([10, 11, 12]), rng.choice([0, 30]))
        if school_age and rng.random() < 0.7:
            return (rng.choice([15, 16, 16, 17]), rng.choice([30, 45, 0, 15]))
        return (rng.choice([9, 10, 11, 13, 14]), rng.choice([0, 15, 30, 45]))
    if ntype == "phone":
        return (rng.randint(9, 17), rng.choice([0, 5, 10, 20, 25, 35, 40, 50]))
    if ntype == "message":
        return (rng.randint(8, 20), rng.choice([2, 12, 18, 27, 33, 41, 48, 56]))
    if ntype == "direct_work":
        return (rng.choice([10, 11, 13, 14, 15, 16]), rng.choice([0, 15, 30]))
    if ntype == "family_network_meeting":
        return (10, 30) if wk else (rng.choice([17, 18]), 0)
    return (rng.choice([9, 10, 11, 13, 14]), rng.choice([0, 15, 30]))


def schedule_family(fs, people, cases):
    """Routine contacts for a family, plus every case's fixed notes."""
    rng = rng_for(fs["key"])
    fixed = set()
    for c in cases:
        milestone_notes(c, people)
        if not c.spec.get("manual_only"):
            fixed |= auto_milestones(c, people)
        fixed |= {D(m["on"][:10]) for m in c.spec.get("milestones", [])}
    active = [c for c in cases if not c.spec.get("manual_only")]
    if not active:
        return
    blocked = {x + dt.timedelta(days=k) for x in fixed for k in (-1, 0, 1)}
    events = []
    d = min(c.start for c in active) + dt.timedelta(days=1)
    last = max(c.end for c in active)
    while d <= last:
        open_cases = [c for c in active if c.start < d and (c.closed is None or d < c.closed) and d <= c.end]
        if not open_cases:
            later = [c.start for c in active if c.start >= d]
            if not later:
                break
            d = min(later) + dt.timedelta(days=1)
            continue
        if d in blocked or d in BANK_HOLIDAYS or (d.weekday() >= 5 and rng.random() < 0.88):
            d += dt.timedelta(days=1)
            continue
        c0 = open_cases[0]
        plan = plan_on(c0, d)
        weights = dict(TYPE_WEIGHTS)
        if not fs.get("net"):
            weights.pop("family_network_meeting")
        if school_holiday(d):
            weights.pop("school_meeting")
        ntype = rng.choices(list(weights), weights=list(weights.values()))[0]
        school_age = any(age_on(c.child["born"], d) >= 5 for c in open_cases)
        hhmm = note_time(rng, ntype, d, school_age)
        events.append((d, ntype, hhmm, open_cases))
        # How long until the next contact.
        since_start = min((d - c.work_start).days for c in open_cases)
        if plan == "cp":
            gap = rng.randint(4, 7)
        elif d < YEAR_START:
            gap = rng.randint(10, 18)
        elif 0 <= since_start < 42:
            gap = rng.randint(3, 6)
        elif all(c.traj == "flat" for c in open_cases) and fs["key"] == "evans" and d > D("2026-06-01"):
            gap = rng.randint(8, 14)   # contact thins out as the plan drifts
        elif len(open_cases) > 1:
            gap = rng.randint(7, 13)
        else:
            gap = rng.randint(5, 11)
        d += dt.timedelta(days=gap)
    hv_dates = sorted({e[0] for e in events if e[1] == "home_visit"} |
                      {D(m["on"][:10]) for c in cases for m in c.spec.get("milestones", []) if m["type"] == "home_visit"})
    for i, (d, ntype, hhmm, open_cases) in enumerate(events):
        nxt = next((x for x in hv_dates if x > d), None)
        if nxt and (nxt - d).days > 21:
            nxt = None
        if ntype == "health_appointment":
            h = rng.choice(fs.get("health") or ["the GP with " + first(people[fs["cg"]]["name"])])
            named = [c for c in open_cases if first(c.child["name"]) in h]
            targets = named[:1] if named else open_cases
            for c in targets:
                routine_note(c, people, d, ntype, hhmm, nxt, health=h)
            continue
        if ntype in CHILD_TYPES:
            # Child-specific contact: mostly the older child in a sibling group.
            weights = [2 if age_on(c.child["born"], d) >= 8 else 1 for c in open_cases]
            targets = [rng.choices(open_cases, weights=weights)[0]]
        else:
            targets = open_cases
        for c in targets:
            routine_note(c, people, d, ntype, hhmm, nxt)


# ---------------------------------------------------------------------------
# Assessments and goals.

RF_ORDER = ["p_previous_social_care", "p_mental_health", "p_substance_abuse", "p_attachment_issues",
            "p_own_needs_first", "p_domestic_abuse_victim", "p_personality_disorder",
            "c_risk_taking", "c_excluded", "c_low_attendance", "c_aggressive",
            "f_parental_conflict", "f_family_stress", "f_isolated_parent", "f_power_issues",
            "f_substance_abuse", "f_young_children", "s_violent_neighbourhood", "s_lack_social_support",
            "p_in_employment", "p_empathy_for_child", "p_overcome_adversity", "p_lack_of_denial",
            "p_responsible_for_issues", "c_positive_family_relationships", "c_low_risk_taking",
            "c_engagement_at_school", "f_supportive_partner", "f_supportive_network"]
RF_CHILD_ITEMS = {i for i in RF_ORDER if i.startswith("c_")} | {"engagement_child"}
ENGAGEMENT = ["collaborative", "compliant", "tokenistic", "dissent"]
WAI_ITEMS = [f"{s}_{i}" for s in ("goal", "task", "bond") for i in range(1, 5)]
PO_ITEMS = ["collaboration", "empathy", "purposefulness", "clarity", "child_focus", "overall"]
AP_ITEMS = ["a_edge_of_care", "a_homeless_16_17", "a_criminality", "a_exploitation",
            "b_substance_misuse", "b_relationship_issues", "b_self_harm", "b_mental_health",
            "b_ld_disability", "b_exclusion_neet", "b_domestic_abuse", "b_parental_issues",
            "b_peer_violence", "b_significant_history", "b_behaviour_asb", "b_missing"]
INSTRUMENT_ITEMS = {
    "risk-framework": set(RF_ORDER) | {"engagement_parent", "engagement_child"},
    "working-alliance": set(WAI_ITEMS),
    "practice-observation": set(PO_ITEMS),
    "adolescent-profile": set(AP_ITEMS) | {"judgement", "judgement_reason"},
    "family-wellbeing": {"wellbeing", "mental_health", "comment"},
}
INSTRUMENT_RATERS = {"risk-framework": {"worker"}, "working-alliance": {"worker", "family_member", "child"},
                     "practice-observation": {"worker"}, "adolescent-profile": {"worker"},
                     "family-wellbeing": {"worker"}}

WAI_BASE = {  # (rater kind, trajectory) -> (first, last) mean item score
    ("family", "improving"): (5.3, 6.1), ("child", "improving"): (4.9, 5.8), ("worker", "improving"): (5.0, 5.9),
    ("family", "flat"): (5.0, 5.2), ("child", "flat"): (4.2, 4.7), ("worker", "flat"): (4.6, 4.8),
    ("family", "worsening"): (4.6, 3.9), ("worker", "worsening"): (4.4, 3.7),
}
WAI_OFFSET = {"goal": 0.0, "task": -0.1, "bond": 0.35}
RF_LABEL = ["At referral", "Three-month review", "Six-month review", "Nine-month review", "Twelve-month review",
            "Fifteen-month review", "Eighteen-month review"]


def assessments_for(c, people):
    out = []
    slug = f"{c.slug}-{c.n}"
    # Risk framework: at referral and at each review.
    for i, (d, ticks, ep, ec, _) in enumerate(rf_states(c)):
        over11 = age_on(c.child["born"], d) >= 12
        answers = {}
        for item in RF_ORDER:
            if item in ticks and (over11 or item not in RF_CHILD_ITEMS):
                answers[item] = 1
        answers["engagement_parent"] = ep
        if over11 and ec:
            answers["engagement_child"] = ec
        label = RF_LABEL[i] if i else ("At referral" if (d - c.start).days <= 21 else "At the start of the plan")
        out.append(dict(id=f"assess-{slug}-rf-{i + 1:02d}", instrument="risk-framework", on=d,
                        assessor=c.prac, rater="worker", comment=label + (" (child section applies: over 11)" if over11 else ""),
                        answers=answers))
    # Working alliance, from the family (or the young person) and from the worker.
    rng = rng_for(c.id + "/wai")
    dates = [D(x) for x in c.spec.get("wai", [])]
    kind = "child" if c.spec.get("wai_child") else "family"
    for i, d in enumerate(dates):
        frac = i / max(1, len(dates) - 1)
        for rater in (kind, "worker"):
            lo, hi = WAI_BASE[(rater, c.traj)]
            base = lo + (hi - lo) * frac
            answers = {}
            for item in WAI_ITEMS:
                sub = item.split("_")[0]
                v = round(base + WAI_OFFSET[sub] + rng.gauss(0, 0.55))
                answers[item] = max(1, min(7, v))
            a = dict(id=f"assess-{slug}-wai-{rater}-{i + 1:02d}", instrument="working-alliance", on=d,
                     assessor=c.prac)
            if rater == "worker":
                a["rater"] = "worker"
            elif rater == "child":
                a["rater"] = "child"
                a["rater_person"] = c.child["id"]
            else:
                a["rater"] = "family_member"
                a["rater_person"] = people[c.fam["cg"]]["id"]
            a["answers"] = answers
            out.append(a)
    for i, (ds, wb, mh, comment) in enumerate(c.spec.get("wellbeing", [])):
        out.append(dict(id=f"assess-{slug}-fwb-{i + 1:02d}", instrument="family-wellbeing", on=D(ds),
                        assessor=c.prac, rater="worker", comment="Pre" if i == 0 else "Post",
                        answers=dict(wellbeing=wb, mental_health=mh, comment=comment)))
    for i, (ds, vals, comment) in enumerate(c.spec.get("po", [])):
        out.append(dict(id=f"assess-{slug}-po-{i + 1:02d}", instrument="practice-observation", on=D(ds),
                        assessor=SUPERVISOR, rater="worker", comment=comment,
                        answers={k: vals[k] for k in PO_ITEMS if k in vals}))
    for i, (ds, ticks, judgement, reason) in enumerate(c.spec.get("ap", [])):
        answers = {k: 1 for k in AP_ITEMS if k in ticks.split()}
        answers["judgement"] = judgement
        answers["judgement_reason"] = reason
        out.append(dict(id=f"assess-{slug}-ap-{i + 1:02d}", instrument="adolescent-profile", on=D(ds),
                        assessor=c.prac, rater="worker", answers=answers))
    out.sort(key=lambda a: (a["on"], a["id"]))
    return out


REVIEW_COMMENTS = {
    "up": ["{cg} said this feels closer.", "A good month.", "Small step forward, agreed at the visit.",
           "Scored together with {cg}.", "{child} chose the score this time."],
    "same": ["No change since last month.", "Stuck on the same thing as last month.",
             "The family feel this has stalled.", "Same score; nothing has moved."],
    "down": ["Slipped back this month.", "A harder month; we talked about what got in the way."],
    "done": ["Achieved: celebrated with the family.", "Goal met; the family want to keep it going themselves."],
}


def ramp(rng, p0, target, n):
    """n scores from just above p0 up to target, still rising at the end."""
    total = max(2, target - p0)
    inc = [0] * n
    if n >= 2:
        inc[-1] = inc[-2] = 1
        rest = total - 2
    else:
        inc[-1] = total
        rest = 0
    while rest > 0:
        i = rng.randrange(n)
        if inc[i] < 3:
            inc[i] += 1
            rest -= 1
    vals, v = [], p0
    for x in inc:
        v = min(10, v + x)
        vals.append(v)
    return vals


def goals_for(c, people, counter):
    out = []
    rng = rng_for(c.id + "/goals")
    ids = {}
    f = fmt_for(c, people, c.work_start, "m")
    for g in c.spec.get("goals", []):
        counter[0] += 1
        gid = f"goal-{c.slug}-{counter[0]:02d}"
        ids[g["k"]] = gid
        set_on = goal_set_on(c, g)
        limit = c.end
        span = (c.end - c.work_start).days
        until = c.work_start + dt.timedelta(days=int(g.get("until", 1.0) * span))
        dates, d = [], set_on + dt.timedelta(days=rng.randint(26, 35))
        while d <= limit:
            dates.append(d)
            d += dt.timedelta(days=rng.randint(26, 35))
        outcome = g["out"]
        if outcome in ("achieved", "dropped"):
            dates = [x for x in dates if x <= until] or dates[:1]
        n = len(dates)
        p0 = g.get("p0", 2)
        if outcome == "achieved":
            vals = ramp(rng, p0, rng.choice([8, 9, 9, 10]), n)
        elif outcome == "active":
            vals = ramp(rng, p0, min(8, p0 + max(2, round(n * 0.6))), n)
        elif outcome == "dropped":
            vals = [min(10, p0 + (i // 2)) for i in range(n)]
        elif outcome == "flat":
            vals = []
            for i in range(n):
                v = p0 + (i % 2) + (1 if i > n * 0.6 else 0)
                if vals and v == vals[-1]:
                    v += 1
                vals.append(v)
        elif outcome == "drift":
            rise = max(1, int(n * 0.5))
            vals = [p0 + 1 + i // 2 for i in range(rise)]
            vals += [vals[-1]] * (n - rise)
        elif outcome == "worse":
            vals, v = [], p0
            for i, x in enumerate(dates):
                if c.cp_from and x >= c.cp_from:
                    v = min(10, v + 1)
                elif i > 0 and i % 2 == 0:
                    v = max(1, v - 1)
                vals.append(v)
        else:
            raise ValueError(outcome)
        status = {"achieved": "achieved", "dropped": "dropped"}.get(outcome, "active")
        reviews = []
        prev = p0
        for i, (x, v) in enumerate(zip(dates, vals)):
            r = dict(id=f"review-{c.slug}-{counter[0]:02d}-{i + 1:02d}", on=x, progress=v)
            last = i == n - 1
            if last and status == "achieved":
                r["comment"] = f.fill(rng.choice(REVIEW_COMMENTS["done"]))
            elif last and status == "dropped":
                r["comment"] = g["drop"]
            elif rng.random() < 0.35 or (outcome == "drift" and v == prev):
                key = "up" if v > prev else "same" if v == prev else "down"
                r["comment"] = f.fill(rng.choice(REVIEW_COMMENTS[key]))
            prev = v
            reviews.append(r)
        goal = dict(id=gid, category=g["cat"], owner=g["owner"])
        if g.get("person"):
            goal["owner_person"] = people[g["person"]]["id"]
        goal.update(text=g["text"], status=status, set_on=set_on)
        if g.get("pair"):
            k, agreement, match = g["pair"]
            goal.update(paired_with=ids[k], agreement=agreement, worker_thinks_match=match)
        goal["reviews"] = reviews
        out.append(goal)
    return out


# ---------------------------------------------------------------------------
# Group case discussions: the pod meets on the first Tuesday of each month.
# (date, absent practitioners, notes, [(case, decision)], [(case, owner, action, due, done)])

ALL_PRACS = ["prac-helen", "prac-priya", "prac-tom", "prac-niamh", "prac-marcus"]
SUPERVISIONS = [
    ("2025-11-04", [], "Group case discussion. New allocations and Signs of Safety mapping for the newest family.",
     [("case-okafor-ada-1", "CIN plan agreed yesterday. Start with Grace's support and Ada's attendance; invite Aunt Blessing to a family network meeting."),
      ("case-nowak-zofia-1", "Child protection plan continues; review conference on 25 November. Keep the safety plan as the focus of visits."),
      ("case-nibhriain-siobhan-1", "Keep the CIN plan. Chase the CAMHS appointment; network meeting with Pádraig before Christmas."),
      ("case-mwangi-wanjiru-1", "Bereavement referral made. Weekly visits until the school run is sorted."),
      ("case-thompson-jayden-1", "Weekend overnight stays at home have started well. Looked-after review in December to consider a move home in the spring. Complete the adolescent profile.")],
     [("case-okafor-ada-1", "prac-priya", "Invite Blessing Adebayo to a family network meeting", "2025-12-05", "2026-01-20"),
      ("case-nibhriain-siobhan-1", "prac-niamh", "Chase the CAMHS appointment date for Siobhán", "2025-11-14", "2025-11-12"),
      ("case-thompson-jayden-1", "prac-tom", "Complete the adolescent profile with Jayden", "2025-11-21", "2025-11-20")]),
    ("2025-12-02", [], "Group case discussion. Two new families; reflection on engaging fathers.",
     [("case-hussain-yusuf-1", "Adolescent profile says 'discuss'. Decision: hold within the CIN plan for now, share concerns with the police exploitation lead, review in February."),
      ("case-walsh-lilymae-1", "CIN plan started yesterday. Focus on nursery attendance and food in the house; Tom to see Ryan as well as Kayleigh."),
      ("case-karim-tahmid-1", "New case. Young carers assessment for Tahmid; support the housing medical application."),
      ("case-nowak-kacper-1", "Review conference went well; child protection plan continues. Contact at Halina's is working.")],
     [("case-hussain-yusuf-1", "prac-tom", "Share concerns about older peers with the police exploitation lead", "2025-12-09", "2025-12-08"),
      ("case-karim-tahmid-1", "prac-marcus", "Refer Tahmid to the young carers service", "2025-12-16", "2025-12-15"),
      ("case-walsh-lilymae-1", "prac-tom", "Arrange a visit when Ryan is at home", "2025-12-19", "2026-01-08")]),
    ("2026-01-06", ["prac-marcus"], "Group case discussion (Marcus on leave). Reflection on risk framework scoring: keeping ticks consistent across the team.",
     [("case-evans-osian-1", "New case. Written back-up plan for night shifts is the priority; family network meeting with Gareth and Bethan."),
      ("case-thompson-jayden-1", "Overnight stays going well. Work towards Jayden moving home in March; looked-after review to decide."),
      ("case-nibhriain-siobhan-1", "Zoë had a lapse over Christmas and told Niamh. Keep the CIN plan; use the network meeting to plan for lapses.")],
     [("case-evans-osian-1", "prac-niamh", "Hold a family network meeting including Gareth (by video if needed)", "2026-02-13", "2026-02-14"),
      ("case-thompson-jayden-1", "prac-tom", "Ask the independent reviewing officer to bring the looked-after review forward", "2026-01-20", "2026-01-19")]),
    ("2026-02-03", [], "Group case discussion. Re-referral reviewed as a learning case.",
     [("case-campbell-lewis-2", "Re-referral within twelve months of the last. Team reflected that the first closure was right on attendance, but the conflict at home was not fully explored. Tom stays as worker, as Fiona asked. Agree a missing-from-home safety plan."),
      ("case-popescu-stefan-1", "New case. Food and clothing first; Household Support Fund application. Use an interpreter until Ioana says she no longer needs one."),
      ("case-nowak-zofia-1", "Team supports recommending a step-down to a child in need plan at the review conference on 10 February."),
      ("case-walsh-lilymae-1", "Engagement dipping. Keep the CIN plan; increase visits to twice weekly and write down clearly what needs to change.")],
     [("case-campbell-lewis-2", "prac-tom", "Agree a safety plan with Lewis and Fiona for nights out", "2026-02-10", "2026-02-06"),
      ("case-popescu-stefan-1", "prac-marcus", "Household Support Fund application with Ioana", "2026-02-17", "2026-02-16"),
      ("case-walsh-lilymae-1", "prac-tom", "Write to Kayleigh and Ryan setting out the worries and what needs to change", "2026-02-13", "2026-02-20")]),
    ("2026-03-03", [], "Group case discussion.",
     [("case-thompson-jayden-1", "Move home agreed in principle for Sunday 15 March; looked-after review on 12 March to confirm. Twice-weekly visits for the first month."),
      ("case-walsh-lilymae-1", "Ryan has not engaged with the drug service. Keep the CIN plan for now; Helen to consult the social work team if nursery attendance falls further."),
      ("case-okafor-ada-1", "Good progress. Ada turns 12 this month, so from the May review the child section of the risk framework applies, including Ada's own engagement."),
      ("case-evans-osian-1", "Day shift request still pending. Back-up plan with Bethan is working for now.")],
     [("case-thompson-jayden-1", "prac-tom", "Plan the move home with Jayden, Marcia and Mrs Osei", "2026-03-13", "2026-03-12"),
      ("case-walsh-lilymae-1", "prac-helen", "Check nursery attendance figures with Little Acorns", "2026-03-20", "2026-03-19")]),
    ("2026-04-07", ["prac-tom"], "Group case discussion (Tom at training).",
     [("case-mensah-kojo-1", "GP referral today about bruising. School first-aid record matches the account. Likely no further action; Priya to visit today and Helen to decide tomorrow."),
      ("case-hussain-amira-1", "Amira much more settled. Plan to step down to no plan at the May review."),
      ("case-karim-safiya-1", "Housing band raised. Safiya collected on time since the pick-up plan with Rahim."),
      ("case-popescu-ana-1", "Ana's clothes and bedtime routine improving; keep going."),
      ("case-nguyen-minh-1", "New early help case after a self-referral. Family mediation referral; invite Tuấn to the first Team Around the Family meeting.")],
     [("case-mensah-kojo-1", "prac-priya", "Home visit to Kojo and family today", "2026-04-07", "2026-04-07"),
      ("case-nguyen-minh-1", "prac-marcus", "Refer Lan and Tuấn to family mediation", "2026-04-17", "2026-04-14"),
      ("case-mensah-kojo-1", "prac-helen", "Decide on the outcome of the Mensah referral", "2026-04-08", "2026-04-08")]),
    ("2026-05-05", [], "Group case discussion. Walsh family discussed at length.",
     [("case-walsh-lilymae-1", "Nursery attendance under half of sessions; cannabis use increasing; Kayleigh and Ryan withdrawing. Decision: Helen to request a strategy discussion with the social work team."),
      ("case-hussain-amira-1", "Step down to no plan at the review on 19 May; close after four weeks if no concerns."),
      ("case-mwangi-wanjiru-1", "Goals nearly met. Plan to end the CIN plan at the July review."),
      ("case-okafor-ada-1", "Review today: first time the child section applies. Ada's engagement rated compliant.")],
     [("case-walsh-lilymae-1", "prac-helen", "Request a strategy discussion with the social work team manager", "2026-05-12", "2026-06-03"),
      ("case-mwangi-wanjiru-1", "prac-priya", "Start ending work with Joseph and Wanjiru", "2026-06-30", "2026-06-22")]),
    ("2026-06-02", [], "Group case discussion.",
     [("case-walsh-lilymae-1", "Strategy discussion booked for Friday. Tom and Helen to visit together afterwards."),
      ("case-karim-tahmid-1", "Rehousing offer accepted. Step down to early help at the June review."),
      ("case-nibhriain-siobhan-1", "Step down to early help at the end of June; Niamh stays as lead practitioner."),
      ("case-nowak-kacper-1", "Stable on the CIN plan. Consider stepping down at the August review.")],
     [("case-walsh-lilymae-1", "prac-tom", "Joint visit with Helen after the strategy discussion", "2026-06-08", "2026-06-08"),
      ("case-karim-tahmid-1", "prac-marcus", "Re-book hospital transport for the new address", "2026-06-26", "2026-06-23")]),
    ("2026-07-07", [], "Group case discussion. Reflection on the first weeks of the Walsh child protection plan.",
     [("case-walsh-lilymae-1", "Child protection plan since 18 June. Core group monthly; Sandra's two nights a week are happening."),
      ("case-evans-osian-1", "Day shift request refused. Gareth still undecided. Risk of drift: Niamh to set a date for a firm childcare plan."),
      ("case-campbell-lewis-2", "No missing episodes since February. Keep the CIN plan to the October review."),
      ("case-popescu-stefan-1", "Good progress, driven by Ioana's engagement. Ștefan went on the France trip.")],
     [("case-evans-osian-1", "prac-niamh", "Agree a date with Rhian by which the night-shift childcare plan is in place", "2026-07-31", None),
      ("case-walsh-lilymae-1", "prac-tom", "Check Ryan's attendance at the drug service with the keyworker", "2026-07-21", "2026-07-22")]),
    ("2026-08-04", ["prac-priya"], "Group case discussion (Priya on leave).",
     [("case-evans-cerys-1", "No change in the childcare plan for two months. Helen to join the next visit."),
      ("case-hussain-yusuf-1", "Mixed picture; mentor from the adolescent support team started in June. Keep the CIN plan."),
      ("case-thompson-jayden-1", "Settled at home and at college. Think about ending the plan at the December review.")],
     [("case-evans-cerys-1", "prac-helen", "Joint visit to Rhian with Niamh", "2026-08-21", "2026-08-27"),
      ("case-hussain-yusuf-1", "prac-tom", "Ask the mentor for a progress update before the August review", "2026-08-21", "2026-08-20")]),
    ("2026-09-01", [], "Group case discussion. Drift review.",
     [("case-evans-osian-1", "Goals unchanged since early summer: drift. Decision: CIN review brought forward with Gareth invited; if no childcare plan by then, consult the social work team about reassessment."),
      ("case-nibhriain-cian-1", "Close Cian's early help plan at the end of September; Siobhán's continues."),
      ("case-karim-safiya-1", "Safiya turns 12 on 28 September, so the child section of the risk framework applies at the review on the 29th."),
      ("case-walsh-lilymae-1", "Review conference on 17 September. Nursery attendance better; Ryan still not engaging.")],
     [("case-evans-osian-1", "prac-niamh", "Bring the CIN review forward and invite Gareth", "2026-09-25", "2026-09-14"),
      ("case-nibhriain-cian-1", "prac-niamh", "Closure summary and letter to Zoë for Cian", "2026-09-30", "2026-09-30")]),
    ("2026-10-06", [], "Group case discussion.",
     [("case-evans-osian-1", "Still no firm childcare plan. CIN review on 3 November; Helen to consult the social work team manager before then."),
      ("case-evans-cerys-1", "As for Osian."),
      ("case-walsh-lilymae-1", "Child protection plan continues after the review conference. Focus on Ryan's engagement."),
      ("case-nowak-zofia-1", "Consider stepping down to early help at the November review."),
      ("case-okafor-ada-1", "Plan to end the CIN plan by Christmas if progress holds.")],
     [("case-evans-osian-1", "prac-helen", "Consult the social work team manager about the Evans family", "2026-10-30", "2026-10-28"),
      ("case-evans-osian-1", "prac-niamh", "Send invitations for the CIN review on 3 November", "2026-10-20", "2026-10-19"),
      ("case-okafor-ada-1", "prac-priya", "Draft an ending plan with Grace and Ada", "2026-11-17", None),
      ("case-nowak-zofia-1", "prac-priya", "Talk to Agnieszka and Zofia about stepping down to early help", "2026-11-10", None)]),
]


def supervisions():
    out = []
    for held, absent, notes, cases, actions in SUPERVISIONS:
        sid = f"sup-{held}"
        acts = []
        for i, (case, owner, action, due, done) in enumerate(actions):
            a = dict(id=f"action-{held}-{i + 1}", case=case, owner=owner, action=action, due_on=D(due))
            if done:
                a["done_on"] = D(done)
            acts.append(a)
        out.append(dict(id=sid, team=TEAM, held_on=D(held), notes=notes,
                        attendees=[p for p in ALL_PRACS if p not in absent],
                        cases=[dict(case=c, decision=dec) for c, dec in cases], actions=acts))
    return out


# ---------------------------------------------------------------------------
# Assembly.

# ---------------------------------------------------------------------------
# Record metadata: who wrote each record, on which laptop and when, so the
# sample reads like a casebook that was used for a year (import keeps these).

MUTABLE = {"teams", "practitioners", "families", "people", "cases", "referrals", "plans",
           "goals", "supervisions", "actions"}


def device_of(prac):
    return "laptop-" + prac.split("-", 1)[1]


def stamp(rec, kind, when, author, hour=17):
    """Adds created_at/created_by/device_id (and updated_at) to one record."""
    if isinstance(when, str) and "T" in when:
        day, hhmm = when.split("T")
        h, m = (int(x) for x in hhmm.split(":"))
        h, m = (h + 1, m) if h < 23 else (h, 59)
        created = f"{day}T{h:02d}:{m:02d}:00.000Z"
    else:
        created = f"{when}T{hour:02d}:00:00.000Z"
    rec["created_at"] = created
    rec["created_by"] = author
    rec["device_id"] = device_of(author)
    if kind in MUTABLE:
        rec["updated_at"] = f"{created}-0000-{device_of(author)[:8]}"


def stamp_case(cd):
    prac = cd["practitioner"]
    for r in cd["referrals"]:
        stamp(r, "referrals", r["referred_on"], prac, 10)
    for pl in cd["plans"]:
        stamp(pl, "plans", pl["started_on"], prac)
    for n in cd["notes"]:
        stamp(n, "notes", n["at"], prac)
        for am in n.get("amendments", []):
            stamp(am, "amendments", str(D(n["at"][:10]) + dt.timedelta(days=3)), prac, 9)
    for a in cd["assessments"]:
        stamp(a, "assessments", a["on"], a.get("assessor", prac), 16)
    for g in cd["goals"]:
        stamp(g, "goals", g["set_on"], prac, 15)
        for r in g.get("reviews", []):
            stamp(r, "reviews", r["on"], prac, 15)
    stamp(cd, "cases", cd["referred_on"], SUPERVISOR, 9)


def stamp_all(doc):
    for t in doc["teams"]:
        stamp(t, "teams", "2025-01-06", SUPERVISOR, 9)
    for pr in doc["practitioners"]:
        stamp(pr, "practitioners", "2025-01-06", SUPERVISOR, 9)
    for fam in doc["families"]:
        first = min(c["referred_on"] for c in fam["cases"])
        stamp(fam, "families", first, SUPERVISOR, 9)
        for person in fam["people"]:
            stamp(person, "people", first, SUPERVISOR, 9)
        for cd in fam["cases"]:
            stamp_case(cd)
    for sup in doc["supervisions"]:
        stamp(sup, "supervisions", sup["held_on"], SUPERVISOR, 12)
        for act in sup["actions"]:
            stamp(act, "actions", sup["held_on"], SUPERVISOR, 12)


def build():
    families = []
    for fs in FAMILIES:
        people, cases = build_family(fs)
        fs["_people"] = people
        schedule_family(fs, people, cases)
        note_counter, goal_counter = {}, {}
        fam = dict(id=f"fam-{fs['key']}", ref=fs["ref"], name=fs["name"], address=fs.get("address"), people=[])
        for p in people.values():
            fam["people"].append(dict(id=p["id"], name=p["name"], relationship=p["rel"],
                                      born=p["born"], gender=p["gender"], ethnicity=p["eth"]))
        fam["cases"] = []
        for c in sorted(cases, key=lambda x: (x.slug, x.n)):
            spec = c.spec
            slug = c.slug
            cd = dict(id=c.id, child=c.child["id"], referred_on=c.start, referral_source=spec["source"],
                      need=spec["need"], practitioner=c.prac, team=TEAM)
            if c.closed:
                cd.update(closed_on=c.closed, closure_reason=spec["reason"])
            cd["referrals"] = [dict(id=f"ref-{slug}-{c.n}", referred_on=c.start, source=spec["source"],
                                    outcome=spec["outcome"])]
            cd["plans"] = []
            for i, (p, s, e) in enumerate(c.plans):
                pd = dict(id=f"plan-{slug}-{c.n}-{i + 1}", plan=p, started_on=s)
                if e:
                    pd["ended_on"] = e
                cd["plans"].append(pd)
            notes = []
            for n in sorted(c.notes, key=lambda x: x["when"]):
                note_counter[slug] = note_counter.get(slug, 0) + 1
                nid = f"note-{slug}-{note_counter[slug]:04d}"
                nd = dict(id=nid, type=n["type"], at=n["when"].strftime("%Y-%m-%dT%H:%M"))
                if n["dur"] is not None:
                    nd["duration"] = n["dur"]
                if n["present"]:
                    nd["present"] = n["present"]
                nd["child_seen"] = bool(n["seen"])
                nd["child_seen_alone"] = bool(n["alone"])
                if n["worries"]:
                    nd["worries"] = n["worries"]
                if n["well"]:
                    nd["working_well"] = n["well"]
                if n["needs"]:
                    nd["needs_to_happen"] = n["needs"]
                nd["text"] = n["text"]
                if n["confidential"]:
                    nd["confidential"] = True
                if n["amend"]:
                    am = dict(id=f"amend-{nid[5:]}-1", reason=n["amend"]["reason"])
                    for k in ("worries", "working_well", "needs_to_happen", "text"):
                        if n["amend"].get(k):
                            am[k] = n["amend"][k]
                    nd["amendments"] = [am]
                notes.append(nd)
            cd["notes"] = notes
            cd["assessments"] = assessments_for(c, people)
            counter = goal_counter.setdefault(slug, [0])
            cd["goals"] = goals_for(c, people, counter)
            fam["cases"].append(cd)
        families.append(fam)
    doc = {"casebook": 1,
           "teams": [dict(id=TEAM, name="North Pod")],
           "practitioners": [dict(id=p["id"], name=p["name"], role=p["role"], team=TEAM, active=True)
                             for p in PRACTITIONERS],
           "families": families,
           "supervisions": supervisions()}
    stamp_all(doc)
    return doc


# ---------------------------------------------------------------------------
# Checks: the rules the import enforces that can be checked here, plus the
# story arcs the demo relies on.

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
AT_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")
NOTE_TYPES = {"home_visit", "office_visit", "phone", "message", "school_meeting", "health_appointment",
              "multi_agency_meeting", "family_network_meeting", "direct_work", "other"}
GOAL_CATEGORIES = {"education_employment", "success_happiness", "housing_independence",
                   "family_relationships", "independent_living", "reunification", "residency_safety",
                   "emotional_wellbeing", "other"}
PLAN_RANK = {"none": 0, "early_help": 1, "cin": 2, "cp": 3, "lac": 4}


def check_caseload(doc):
    errors, seen_ids = [], {}

    def err(where, msg):
        errors.append(f"{where}: {msg}")

    def uid(kind, i, where):
        if not isinstance(i, str) or not ID_RE.match(i):
            err(where, f"bad id {i!r}")
        key = (kind, i)
        if key in seen_ids:
            err(where, f"duplicate {kind} id {i} (also at {seen_ids[key]})")
        seen_ids[key] = where

    def in_range(where, d, lo=EARLIEST, hi=YEAR_END):
        if not (lo <= d <= hi):
            err(where, f"date {d} outside {lo}..{hi}")

    if doc.get("casebook") != 1:
        err("casebook", "format version must be 1")
    teams = {t["id"] for t in doc["teams"]}
    pracs = {}
    for p in doc["practitioners"]:
        uid("practitioner", p["id"], p["id"])
        if p["role"] not in ("practitioner", "supervisor"):
            err(p["id"], "bad role")
        if p.get("team") and p["team"] not in teams:
            err(p["id"], "unknown team")
        pracs[p["id"]] = p
    refs = set()
    all_cases = {}
    for fam in doc["families"]:
        uid("family", fam["id"], fam["id"])
        if fam["ref"] in refs:
            err(fam["id"], "duplicate family ref")
        refs.add(fam["ref"])
        people = {}
        for p in fam["people"]:
            uid("person", p["id"], f"{fam['id']}/{p['id']}")
            if p["relationship"] not in ("child", "main_caregiver", "other_adult", "sibling"):
                err(p["id"], "bad relationship")
            people[p["id"]] = p
        if sum(p["relationship"] == "main_caregiver" for p in people.values()) != 1:
            err(fam["id"], "expected exactly one main caregiver")
        for c in fam["cases"]:
            w = c["id"]
            uid("case", w, w)
            all_cases[w] = (c, fam, people)
            child = people.get(c["child"])
            if not child or child["relationship"] != "child":
                err(w, "child is not a child of this family")
                continue
            born = child["born"]
            if c["need"] not in {f"N{i}" for i in range(10)}:
                err(w, "bad need code")
            if c.get("practitioner") not in pracs or c.get("team") not in teams:
                err(w, "unknown practitioner or team")
            start = c["referred_on"]
            in_range(w, start)
            end = c.get("closed_on") or YEAR_END
            if ("closed_on" in c) != ("closure_reason" in c):
                err(w, "closed_on and closure_reason go together")
            if end < start:
                err(w, "closed before referral")
            for r in c["referrals"]:
                uid("referral", r["id"], w)
                if r["outcome"] not in ("pending", "accepted", "early_help", "nfa"):
                    err(r["id"], "bad outcome")
                in_range(r["id"], r["referred_on"], EARLIEST, end)
            prev = None
            for p in sorted(c["plans"], key=lambda x: x["started_on"]):
                uid("plan", p["id"], w)
                if p["plan"] not in PLAN_RANK:
                    err(p["id"], "bad plan")
                s, e = p["started_on"], p.get("ended_on")
                if e and e < s:
                    err(p["id"], "ends before it starts")
                in_range(p["id"], s, start, end)
                if e:
                    in_range(p["id"], e, start, end)
                elif "closed_on" in c:
                    err(p["id"], "open plan on a closed case")
                if prev is not None:
                    pe = prev.get("ended_on")
                    if pe is None or pe >= s:
                        err(p["id"], f"overlaps {prev['id']}")
                prev = p
            when_seen = set()
            for n in c["notes"]:
                nw = n["id"]
                uid("note", nw, w)
                if n["type"] not in NOTE_TYPES:
                    err(nw, "bad type")
                if not AT_RE.match(n["at"]):
                    err(nw, "bad at")
                t = dt.datetime.fromisoformat(n["at"])
                in_range(nw, t.date(), start, end)
                if t.date() in BANK_HOLIDAYS and n["type"] not in ("message", "phone"):
                    err(nw, "contact on a bank holiday")
                if school_holiday(t.date()) and n["type"] == "school_meeting":
                    err(nw, "school meeting in the school holidays")
                if (c["id"], n["at"]) in when_seen:
                    err(nw, "two notes at the same minute")
                when_seen.add((c["id"], n["at"]))
                if not (0 <= n.get("duration", 0) <= 1440):
                    err(nw, "bad duration")
                if n.get("child_seen_alone") and not n.get("child_seen"):
                    err(nw, "child_seen_alone without child_seen")
                if n["type"] == "home_visit" and not (n.get("worries") and n.get("working_well") and n.get("needs_to_happen")):
                    err(nw, "home visit without the three questions")
                for a in n.get("amendments", []):
                    uid("amendment", a["id"], nw)
                    if not a.get("reason", "").strip():
                        err(a["id"], "amendment needs a reason")
                sentences = len(re.findall(r"[.!?](?:\s|$)", n["text"]))
                if not 2 <= sentences <= 8:
                    err(nw, f"note text has {sentences} sentences (2-8 wanted)")
                for field in ("text", "worries", "working_well", "needs_to_happen"):
                    v = n.get(field)
                    if v and ("{" in v or "}" in v or "  " in v or v != v.strip()):
                        err(nw, f"{field} has a template or spacing slip: {v[:60]!r}")
            for a in c["assessments"]:
                aw = a["id"]
                uid("assessment", aw, w)
                inst = a["instrument"]
                if inst not in INSTRUMENT_ITEMS:
                    err(aw, "unknown instrument")
                    continue
                if a["rater"] not in INSTRUMENT_RATERS[inst]:
                    err(aw, f"rater {a['rater']} not allowed for {inst}")
                if a.get("assessor") and a["assessor"] not in pracs:
                    err(aw, "unknown assessor")
                if a.get("rater_person") and a["rater_person"] not in people:
                    err(aw, "rater_person not in the family")
                if a["rater"] == "child" and a.get("rater_person") != c["child"]:
                    err(aw, "child rater must be the case's child")
                in_range(aw, a["on"], start, end)
                ans = a["answers"]
                for k, v in ans.items():
                    if k not in INSTRUMENT_ITEMS[inst]:
                        err(aw, f"unknown item {k}")
                over11 = age_on(born, a["on"]) >= 12
                if inst == "risk-framework":
                    if a["rater"] != "worker":
                        err(aw, "risk framework is rated by the worker")
                    if ans.get("engagement_parent") not in ENGAGEMENT:
                        err(aw, "engagement_parent must be answered")
                    for k, v in ans.items():
                        if k in RF_CHILD_ITEMS and not over11:
                            err(aw, f"{k} answered but the child is {age_on(born, a['on'])} on {a['on']}")
                        if k.startswith(("p_", "c_", "f_", "s_")) and v not in (0, 1):
                            err(aw, f"{k}: tick must be 0 or 1")
                    if over11 and ans.get("engagement_child") not in ENGAGEMENT:
                        err(aw, "engagement_child should be answered for a child over 11")
                elif inst == "working-alliance":
                    if set(ans) != set(WAI_ITEMS) or not all(1 <= v <= 7 for v in ans.values()):
                        err(aw, "WAI needs all twelve items on 1-7")
                elif inst == "practice-observation":
                    if not all(1 <= v <= 5 for v in ans.values()) or len(set(ans) - {"overall"}) != 5:
                        err(aw, "practice observation needs five items on 1-5")
                    if a.get("assessor") != SUPERVISOR:
                        err(aw, "practice observation is done by the supervisor")
                elif inst == "family-wellbeing":
                    if not all(0 <= ans[k] <= 10 for k in ("wellbeing", "mental_health")):
                        err(aw, "wellbeing scores are 0-10")
                elif inst == "adolescent-profile":
                    if ans.get("judgement") not in ("refer", "do_not_refer", "discuss") or not ans.get("judgement_reason"):
                        err(aw, "adolescent profile needs a judgement and a reason")
                    if age_on(born, a["on"]) < 13:
                        err(aw, "adolescent profile for a child under 13")
            goal_ids = set()
            for g in c["goals"]:
                gw = g["id"]
                uid("goal", gw, w)
                if g["category"] not in GOAL_CATEGORIES or g["owner"] not in ("family", "worker") \
                        or g["status"] not in ("active", "achieved", "dropped"):
                    err(gw, "bad enum")
                if g.get("owner_person") and g["owner_person"] not in people:
                    err(gw, "owner_person not in the family")
                if g.get("paired_with") and g["paired_with"] not in goal_ids:
                    err(gw, "paired_with must name an earlier goal of this case")
                if g.get("agreement") not in (None, "identical", "different"):
                    err(gw, "bad agreement")
                in_range(gw, g["set_on"], start, end)
                last = g["set_on"]
                for r in g["reviews"]:
                    uid("review", r["id"], gw)
                    if not (0 <= r["progress"] <= 10):
                        err(r["id"], "progress out of range")
                    if r["on"] < last or r["on"] > end:
                        err(r["id"], "review out of order or after the case ended")
                    last = r["on"]
                goal_ids.add(gw)
    for s in doc["supervisions"]:
        uid("supervision", s["id"], s["id"])
        in_range(s["id"], s["held_on"], YEAR_START, YEAR_END)
        for p in s["attendees"]:
            if p not in pracs:
                err(s["id"], f"unknown attendee {p}")
        for sc in s["cases"]:
            if sc["case"] not in all_cases:
                err(s["id"], f"unknown case {sc['case']}")
                continue
            c = all_cases[sc["case"]][0]
            if not (c["referred_on"] <= s["held_on"] <= (c.get("closed_on") or YEAR_END)):
                err(s["id"], f"{sc['case']} is not open on {s['held_on']}")
        for a in s["actions"]:
            uid("action", a["id"], s["id"])
            if a.get("case") and a["case"] not in all_cases:
                err(a["id"], "unknown case")
            if a.get("owner") and a["owner"] not in pracs:
                err(a["id"], "unknown owner")
            if a.get("done_on") and a["done_on"] > YEAR_END:
                err(a["id"], "done in the future")
    errors += check_story(doc, all_cases)
    return errors


def check_story(doc, all_cases):
    """The arcs the demo is built to show."""
    errors = []
    escalations, stepdowns = [], []
    for cid, (c, fam, people) in all_cases.items():
        plans = sorted(c["plans"], key=lambda p: p["started_on"])
        for a, b in zip(plans, plans[1:]):
            if (a["plan"], b["plan"]) in (("cin", "cp"), ("cin", "lac"), ("cp", "lac"), ("early_help", "cp"),
                                           ("early_help", "lac"), ("none", "cp"), ("none", "lac")):
                escalations.append((cid, a["plan"], b["plan"]))
            if PLAN_RANK[b["plan"]] < PLAN_RANK[a["plan"]]:
                stepdowns.append((cid, a["plan"], b["plan"]))
    if [(e[1], e[2]) for e in escalations] != [("cin", "cp")]:
        errors.append(f"story: expected exactly one escalation, cin -> cp; found {escalations}")
    wanted = {("cp", "cin"), ("cin", "early_help"), ("cin", "none"), ("lac", "cin")}
    if not wanted <= {(s[1], s[2]) for s in stepdowns}:
        errors.append(f"story: missing step-downs {wanted - {(s[1], s[2]) for s in stepdowns}}")
    by_child = {}
    for cid, (c, fam, people) in all_cases.items():
        by_child.setdefault(c["child"], []).append(c)
    rereferrals = []
    for child, cs in by_child.items():
        cs.sort(key=lambda c: c["referred_on"])
        for a, b in zip(cs, cs[1:]):
            if a.get("closed_on") and a["closed_on"] < b["referred_on"] and (b["referred_on"] - a["referred_on"]).days <= 365:
                rereferrals.append(b["id"])
    if len(rereferrals) != 1:
        errors.append(f"story: expected one re-referral within 12 months, found {rereferrals}")
    nfa = [cid for cid, (c, _, _) in all_cases.items()
           if any(r["outcome"] == "nfa" for r in c["referrals"])
           and c.get("closed_on") and (c["closed_on"] - c["referred_on"]).days <= 1]
    if len(nfa) != 1:
        errors.append(f"story: expected one referral closed NFA within a day, found {nfa}")
    drift = []
    for cid, (c, _, _) in all_cases.items():
        for g in c["goals"]:
            rv = g["reviews"]
            if g["status"] == "active" and len(rv) >= 3:
                tail = [r for r in rv if r["progress"] == rv[-1]["progress"]]
                k = len(rv) - 1
                while k > 0 and rv[k - 1]["progress"] == rv[-1]["progress"]:
                    k -= 1
                if (rv[-1]["on"] - rv[k]["on"]).days >= 56 and rv[-1]["on"] >= YEAR_END - dt.timedelta(days=45):
                    drift.append(cid)
                    break
    if {c for c in drift} - {"case-evans-osian-1", "case-evans-cerys-1"} or not drift:
        errors.append(f"story: drift should be the Evans cases only, found {sorted(set(drift))}")
    # The caseload screen's rule: an active goal has stalled when its progress last
    # went up (or it was set) more than 8 weeks before today.
    stalled = set()
    for cid, (c, _, _) in all_cases.items():
        if c.get("closed_on"):
            continue
        for g in c.get("goals", []):
            if g["status"] != "active":
                continue
            last_rise, prev = g["set_on"], 0
            for r in g["reviews"]:
                if r["progress"] > prev:
                    last_rise = r["on"]
                prev = r["progress"]
            if (TODAY - last_rise).days > 56:
                stalled.add(cid)
    if stalled != {"case-evans-osian-1", "case-evans-cerys-1"}:
        errors.append(f"story: stalled goals should be the Evans cases only, found {sorted(stalled)}")
    # Every open case has had contact in the last four weeks and a review in the last three months.
    for cid, (c, _, _) in all_cases.items():
        if c.get("closed_on"):
            continue
        last = max(dt.datetime.fromisoformat(n["at"]).date() for n in c["notes"])
        if (TODAY - last).days > 28:
            errors.append(f"story: {cid} has had no contact since {last}")
        latest = max(a["on"] for a in c["assessments"])
        if latest < dt.date(TODAY.year, TODAY.month - 3, TODAY.day):
            errors.append(f"story: {cid} review overdue (last assessment {latest})")
    return errors


def summary(doc):
    cases = [c for f in doc["families"] for c in f["cases"]]
    notes = [n for c in cases for n in c["notes"]]
    by_inst = {}
    for c in cases:
        for a in c["assessments"]:
            by_inst[a["instrument"]] = by_inst.get(a["instrument"], 0) + 1
    goals = [g for c in cases for g in c["goals"]]
    children = {c["child"] for c in cases}
    lines = [f"families {len(doc['families'])}, children {len(children)}, cases {len(cases)} "
             f"(open {sum('closed_on' not in c for c in cases)}, closed {sum('closed_on' in c for c in cases)})",
             f"notes {len(notes)} (confidential {sum(bool(n.get('confidential')) for n in notes)}, "
             f"amended {sum(bool(n.get('amendments')) for n in notes)}), "
             f"by type: " + ", ".join(f"{k} {v}" for k, v in sorted(
                 {t: sum(n['type'] == t for n in notes) for t in NOTE_TYPES}.items(), key=lambda kv: -kv[1]) if v),
             "assessments " + ", ".join(f"{k} {v}" for k, v in sorted(by_inst.items())),
             f"goals {len(goals)}, reviews {sum(len(g['reviews']) for g in goals)}, "
             f"supervisions {len(doc['supervisions'])}, actions {sum(len(s['actions']) for s in doc['supervisions'])}"]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("-o", "--output", default=os.path.join(here, "..", "sample-db", "caseload.yaml"))
    ap.add_argument("--check", action="store_true", help="run the checks only; write nothing")
    ap.add_argument("--casebook", metavar="BINARY",
                    help="write the file in casebook's canonical form: import the generated "
                         "caseload with BINARY and export it (what sample-db/ ships)")
    args = ap.parse_args()
    doc = build()
    errors = check_caseload(doc)
    for e in errors:
        print(f"gen-sample: {e}", file=sys.stderr)
    if errors:
        print(f"gen-sample: {len(errors)} problem(s); nothing written", file=sys.stderr)
        return 1
    print(summary(doc), file=sys.stderr)
    if args.check:
        return 0
    lines = ["# casebook sample caseload: North Pod, 2025-11-01 to 2026-10-31 (the demo's today is 2026-11-01).",
             "# Entirely fictional. Made by tools/gen-sample.py --casebook build/casebook (imported, then exported in canonical form); edit the generator, not this file.",
             ""]
    for key in ("casebook", "teams", "practitioners", "families", "supervisions"):
        emit({key: doc[key]}, 0, lines)
        lines.append("")
    text = "\n".join(lines).rstrip("\n") + "\n"
    out = os.path.normpath(args.output)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    if args.casebook:
        text = canonical(args.casebook, text, here)
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    print(f"gen-sample: wrote {out}", file=sys.stderr)
    return 0


def canonical(binary, text, here):
    """The caseload as `casebook export` writes it, so that the shipped sample round-trips
    byte for byte (casebook-data(5))."""
    import subprocess
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        raw = os.path.join(tmp, "raw.yaml")
        with open(raw, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        env = dict(os.environ, CASEBOOK_NOW="2026-11-01T09:00:00Z",
                   CASEBOOK_FORMS=os.path.join(here, "..", "forms"))
        db = os.path.join(tmp, "sample.db")
        subprocess.run([binary, "--db", db, "import", raw], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        out = subprocess.run([binary, "--db", db, "export", "--include-confidential",
                              "building the shipped sample"], check=True, env=env,
                             capture_output=True, text=True).stdout
    header = "".join(line + "\n" for line in text.splitlines()[:2])
    return header + out


if __name__ == "__main__":
    sys.exit(main())
