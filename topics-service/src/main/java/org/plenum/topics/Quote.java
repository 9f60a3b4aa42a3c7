package org.plenum.topics;

import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityResult;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;

import java.util.HashSet;
import java.util.Set;

/** A verbatim passage said by a speaker (owned by speakers-service, referenced by id) about one or more topics. */
@Entity
@Table(name = "quote")
// a row of a batched read: the parent's key (column "parent") and one of its quotes
@SqlResultSetMapping(name = Quote.WITH_PARENT, columns = @ColumnResult(name = "parent"),
        entities = @EntityResult(entityClass = Quote.class))
public class Quote {

    public static final String WITH_PARENT = "Quote.withParent";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 5000)
    public String text;

    @Column(length = 500)
    public String source;

    @Column(name = "speaker_id", nullable = false, length = 100)
    public String speakerId;

    @ManyToMany
    @JoinTable(name = "quote_topic",
            joinColumns = @JoinColumn(name = "quote_id"),
            inverseJoinColumns = @JoinColumn(name = "topic_id"))
    public Set<Topic> topics = new HashSet<>();
}
