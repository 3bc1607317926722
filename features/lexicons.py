"""Word lists the feature families share (written for this project)."""

from __future__ import annotations

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    said says der die das und oder aber ist sind war waren ein eine einer eines einem einen zu
    von mit auf für im in an als auch es sie er wir ihr ich nicht den dem des bei nach aus wie
    um so le la les un une des et ou est sont de du au aux en dans pour par sur avec il elle
    nous vous ils elles que qui ce cette el los las y o es son del al en por para con se que una
    uno
    """.split()
)

REPORTING_VERBS = frozenset(
    """
    said says say told tells tell added adds stated states announced announces reported reports
    according noted notes explained explains wrote writes confirmed confirms denied denies
    claimed claims argued argues warned warns asserted asserts acknowledged acknowledges
    insisted insists testified testifies recalled recalls estimated estimates concluded
    concludes found finds documented documents revealed reveals charged charges urged urges
    demanded demands continued continues contended contends declared declares described
    describes asked asks replied replies responded responds admitted admits suggested suggests
    disclosed discloses alleged alleges refuted refutes
    """.split()
)

FIRST_PERSON = frozenset(
    """
    i me my mine myself we us our ours ourselves
    """.split()
)
SECOND_PERSON = frozenset(
    """
    you your yours yourself yourselves
    """.split()
)

HEDGES = frozenset(
    """
    perhaps maybe might may possibly probably likely unlikely seems seem seemed apparently
    arguably presumably supposedly suppose guess think believe feel suspect doubt wonder surely
    certainly clearly obviously undoubtedly
    """.split()
)

MODAL_OBLIGATION = frozenset(
    """
    should must ought need needs needed
    """.split()
)

INTENSIFIERS = frozenset(
    """
    very extremely incredibly absolutely totally utterly completely truly really so such highly
    deeply hugely enormously remarkably outright
    """.split()
)

# Evaluative and loaded words: the writer judging rather than reporting.
LOADED_WORDS = frozenset(
    """
    brutal barbaric puppet regime shameful disgraceful outrageous ridiculous absurd pathetic
    disgusting horrific horrifying horrible terrible awful appalling atrocious evil corrupt
    criminal idiotic stupid insane crazy lunatic propaganda lies liar lying hypocrite hypocrisy
    hypocritical scandal scandalous disaster disastrous catastrophe catastrophic tragic tragedy
    heroic hero villain thug thugs tyrant tyranny fascist fascism mainstream elite elites sheep
    shill perpetual endless reckless recklessly irresponsible irresponsibly incompetent
    incompetence inept failed failure pitiful sham farce fraud fraudulent betrayal betray
    betrayed cowardly coward shocking blatant blatantly grotesque obscene vile wicked sinister
    nefarious despicable deplorable unacceptable unforgivable wonderful amazing brilliant
    fantastic superb magnificent glorious beautiful best worst great greatest terrific awesome
    excellent stunning marvelous remarkable extraordinary
    """.split()
)

EVALUATIVE_ADJECTIVES = frozenset(
    """
    good bad better worse wrong right important crucial essential necessary unnecessary fair
    unfair wise unwise foolish smart dumb naive misguided mistaken proper improper legitimate
    illegitimate just unjust moral immoral ethical unethical sad unfortunate fortunately
    unfortunately sadly hopefully interesting boring impressive disappointing
    """.split()
)

FUNCTION_WORDS = frozenset(
    """
    the a an of to and or in on for with by from at as that which
    """.split()
)

# Sentence-level subjectivity cues (CheckThat!-style): the writer's negation,
# superlatives and absolute judgements, and openings that address the reader.
NEGATIONS = frozenset(
    """
    not no never nothing nobody none nowhere neither nor cannot t
    """.split()
)
SUPERLATIVES = frozenset(
    """
    best worst most least greatest biggest largest finest perfect ideal amazing incredible
    terrible awful great excellent outstanding remarkable stunning brilliant horrible
    fantastic wonderful superb ultimate absolutely truly really totally completely simply
    """.split()
)
ADVICE_OPENINGS = frozenset(
    """
    you your if don do make try consider remember keep let imagine think don't avoid choose
    """.split()
)
