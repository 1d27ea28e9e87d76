/**
 * Learning algorithms over a finite set of actions (bandits and Q-learning), as plain data.
 *
 * A learner is a spec (its algorithm and parameters, from the config) and a state (plain,
 * JSON-serialisable numbers, kept in the market's persistent world so a checkpoint is a structured
 * clone of it and a resumed run continues byte-identically). The functions are pure except
 * `updateLearner`, which changes the state it is given (the model calls it in an apply step).
 *
 * Rewards are in [0, 1] (the caller normalises a payoff into that range); actions are indices
 * 0 … K−1 into the caller's grid; a context is a state index 0 … S−1 (only Q-learning reads it).
 * Randomness comes only from the `source` passed in (uniform on [0, 1)).
 */

/** A uniform source on [0, 1). */
export type Source = () => number;

/** The algorithms, with their parameters. */
export type LearnerSpec =
  /** ε-greedy (Sutton & Barto 2018, §2.2): explore uniformly with probability ε, else the best empirical mean. */
  | { readonly name: 'epsilon-greedy'; readonly epsilon: number }
  /** UCB1 (Auer, Cesa-Bianchi & Fischer 2002): each arm once, then argmax mean + sqrt(2 ln t / n). */
  | { readonly name: 'ucb1' }
  /** EXP3 (Auer, Cesa-Bianchi, Freund & Schapire 2002): exponential weights on importance-weighted rewards, mixed with γ uniform exploration. */
  | { readonly name: 'exp3'; readonly gamma: number }
  /** Hedge (Freund & Schapire 1997): exponential weights on the full reward vector (needs every action's counterfactual reward). */
  | { readonly name: 'hedge'; readonly learningRate: number }
  /**
   * Q-learning (Watkins & Dayan 1992) as in Banchio & Skrzypacz 2022: Q(s,a) ← (1−α)Q(s,a) + α(r + δ max Q(s',·)),
   * ε-greedy with ε_t = epsilon · exp(−epsilonDecay · t).
   */
  | { readonly name: 'q-learning'; readonly learningRate: number; readonly discount: number; readonly epsilon: number; readonly epsilonDecay: number };

export type LearnerName = LearnerSpec['name'];

/** Every learner's state: plain numbers only (structured-cloneable, JSON-serialisable). */
export interface LearnerState {
  /** Rounds learned from so far. */
  t: number;
  /** Times each action was played (length K). */
  readonly counts: number[];
  /** Σ rewards of each action when played (length K); ε-greedy and UCB1 read the means. */
  readonly sums: number[];
  /** Log-weights (EXP3, Hedge; length K), kept normalised (max 0) so they never overflow. */
  readonly logWeights: number[];
  /** Q-table, row-major S × K (Q-learning; empty otherwise). */
  readonly q: number[];
  readonly actions: number;
  readonly contexts: number;
}

/** What an update learns from, after the action chosen by `chooseAction` was played. */
export interface LearnerFeedback {
  readonly action: number;
  /** Reward of the action played, in [0, 1]. */
  readonly reward: number;
  /** Every action's reward this round, in [0, 1], when the feedback lets them be computed; Hedge requires it. */
  readonly rewards?: readonly number[] | null;
  /** The context the action was chosen in and the next one (Q-learning's s and s'); 0 otherwise. */
  readonly context?: number;
  readonly nextContext?: number;
  /**
   * EXP3: the probability the played action had when it was chosen. Give it when other updates may
   * have come between the choice and this one (several auctions decided in one state); absent, it is
   * recomputed from the state.
   */
  readonly probability?: number;
}
