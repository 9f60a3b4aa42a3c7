package org.plenum.topics;

import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityResult;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;

/** A subject of the interview (or added by a user) that quotes are linked to. */
@Entity
@Table(name = "topic")
// a row of a batched read: the parent's key (column "parent") and one of its topics
@SqlResultSetMapping(name = Topic.WITH_PARENT, columns = @ColumnResult(name = "parent"),
        entities = @EntityResult(entityClass = Topic.class))
public class Topic {

    public static final String WITH_PARENT = "Topic.withParent";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 2000)
    public String summary;

    /** In the order the user gave them; unique ignoring case. */
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] keywords = new String[0];
}
