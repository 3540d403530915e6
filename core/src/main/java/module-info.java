/**
 * Pactbridge's core: the domain and the decision engines, plain Java. Every package is exported but two:
 * {@code org.pactbridge.core.release.compiled}, the compiled fast path behind
 * {@link org.pactbridge.core.engine.ReleaseEngine}, whose types follow what the JIT likes and may change
 * at any time (its meaning is {@link org.pactbridge.core.release.ReferenceEvaluator}'s); and
 * {@code org.pactbridge.core.index}, the dense numbering that the registry and that path share. The outer
 * modules keep the core on the class path; cli's ArchitectureTest reads this list and holds them to it.
 */
module org.pactbridge.core {
  requires java.xml;

  exports org.pactbridge.core;
  exports org.pactbridge.core.agreement;
  exports org.pactbridge.core.audit;
  exports org.pactbridge.core.consent;
  exports org.pactbridge.core.coverage;
  exports org.pactbridge.core.engine;
  exports org.pactbridge.core.item;
  exports org.pactbridge.core.label;
  exports org.pactbridge.core.label.access;
  exports org.pactbridge.core.label.marking;
  exports org.pactbridge.core.label.stanag;
  exports org.pactbridge.core.logistics;
  exports org.pactbridge.core.merkle;
  exports org.pactbridge.core.logistics.terms;
  exports org.pactbridge.core.party;
  exports org.pactbridge.core.registry;
  exports org.pactbridge.core.release;
  exports org.pactbridge.core.time;
  exports org.pactbridge.core.user;
  exports org.pactbridge.core.whatif;
}
